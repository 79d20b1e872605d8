import { PLATFORMS } from '../campaign/platforms'
import { z } from '../schemas/zod'
import { CLAIM_CLASS_IDS } from './claim-classes'

/** Where in the brief a check comes from: the field, the line's index in it, and the line as written. */
export const briefLineSchema = z.object({
  field: z.enum(['constraints', 'platforms', 'brand.name', 'brand.bannedTerms', 'brand.requiredHashtags', 'brand.requiredDisclaimer']),
  index: z.number().int().min(0),
  text: z.string(),
})

/** What part of the campaign a length limit applies to. */
export const LENGTH_SCOPES = ['posts', 'headlines', 'body', 'callsToAction', 'altText'] as const
export type LengthScope = (typeof LENGTH_SCOPES)[number]

const checkBase = {
  /** Stable within one analysis: the field and line it came from ("constraints.2"). */
  id: z.string(),
  source: briefLineSchema,
  /** `rules` when the analyzer read the line itself; `model` when a language model interpreted it. */
  interpretedBy: z.enum(['rules', 'model']),
}

const check = <Shape extends z.ZodRawShape>(shape: Shape) => z.object({ ...checkBase, ...shape })

export const briefCheckSchema = z.discriminatedUnion('kind', [
  check({ kind: z.literal('must-mention'), phrases: z.array(z.string()).min(1) }),
  check({ kind: z.literal('must-not-say'), phrases: z.array(z.string()).min(1) }),
  check({ kind: z.literal('claim-class'), claimClass: z.enum(CLAIM_CLASS_IDS) }),
  check({
    kind: z.literal('max-length'),
    limit: z.number().int().min(1),
    /** "under 600" allows 599; "at most 600" allows 600. */
    strict: z.boolean(),
    unit: z.enum(['characters', 'words']),
    scope: z.enum(LENGTH_SCOPES),
    platform: z.enum(PLATFORMS).optional(),
  }),
  check({ kind: z.literal('required-link'), url: z.string() }),
  check({ kind: z.literal('call-to-action'), mustContain: z.string() }),
  check({ kind: z.literal('required-disclaimer'), text: z.string() }),
  check({ kind: z.literal('required-hashtags'), tags: z.array(z.string()).min(1) }),
  check({ kind: z.literal('max-hashtags'), max: z.number().int().min(0) }),
  check({ kind: z.literal('emoji'), allowed: z.boolean() }),
  check({ kind: z.literal('reading-level'), maxGrade: z.number().int().min(1).max(20) }),
  check({ kind: z.literal('language'), language: z.string() }),
  check({ kind: z.literal('platform-fit'), platform: z.enum(PLATFORMS) }),
  // "Substantiation: …" backs the claims it names; it allows rather than tests, so it is never scored.
  check({ kind: z.literal('substantiation'), note: z.string() }),
])

export const notUnderstoodLineSchema = z.object({
  source: briefLineSchema,
  /** How to phrase the line so it can be checked. */
  hint: z.string(),
})

/** Words the brief itself asks for that the audit will flag, and what flags them. */
export const briefConflictSchema = z.object({
  field: z.enum(['theme', 'product', 'targetAudience', 'constraints']),
  index: z.number().int().min(0),
  text: z.string(),
  found: z.string(),
  forbiddenBy: z.string(),
})

export const briefAnalysisSchema = z.object({
  checks: z.array(briefCheckSchema),
  notUnderstood: z.array(notUnderstoodLineSchema),
  conflicts: z.array(briefConflictSchema),
})

export type BriefLine = z.infer<typeof briefLineSchema>
export type BriefCheck = z.infer<typeof briefCheckSchema>
export type BriefCheckKind = BriefCheck['kind']
export type CheckOf<K extends BriefCheckKind> = Extract<BriefCheck, { kind: K }>
export type NotUnderstoodLine = z.infer<typeof notUnderstoodLineSchema>
export type BriefConflict = z.infer<typeof briefConflictSchema>
export type BriefAnalysis = z.infer<typeof briefAnalysisSchema>
