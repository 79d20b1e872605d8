import { storableString } from '../schemas/storable-text'
import { z } from '../schemas/zod'
import { PLATFORMS } from './brief'

/**
 * How much each written field may hold and how many of each there are: the same bounds for a
 * writer's draft (server/engine/models/output/schemas.ts) and for a person's edit.
 */
export const ARTIFACT_LIMITS = {
  headline: 200, headlines: { min: 3, max: 8 },
  body: { short: 800, medium: 2000, long: 5000 },
  callToAction: 120, callsToAction: { min: 3, max: 8 },
  post: 5000, hashtag: 100, hashtags: 30, variants: { min: 3, max: 6 },
  conceptName: 100, layoutElement: 300, layout: { min: 1, max: 10 },
  altText: { subject: 300, purpose: 300, mood: 200, text: 1000 }, imagePrompt: 3000, concepts: { min: 2, max: 4 },
} as const

/** Edits and restores an artifact may receive once it has this many versions: past it, 409. */
export const MAX_ARTIFACT_VERSIONS = 200

// Control characters other than tab and newline have no place in marketing text.
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g

/** A written field as a person sends it: control characters dropped, trimmed, not empty, at most `max`. */
const field = (max: number) => storableString()
  .transform(value => value.replace(CONTROL_CHARACTERS, '').trim())
  .pipe(z.string().min(1, 'Must not be empty').max(max, `At most ${max} characters`))

const list = <T extends z.ZodType>(item: T, { min, max }: { min: number, max: number }, what: string) =>
  z.array(item).min(min, `At least ${min} ${what}`).max(max, `At most ${max} ${what}`)

const distinct = (items: string[]) => new Set(items.map(item => item.toLowerCase())).size === items.length

const L = ARTIFACT_LIMITS

const basedOn = z.int('A whole number').min(1, 'At least 1')
  .meta({ description: 'The version the edit started from: 409 when another version has been saved since.' })

export const copyEditSchema = z.object({
  type: z.literal('Copy'),
  basedOn,
  headlines: list(field(L.headline), L.headlines, 'headlines').refine(distinct, 'Headlines must differ from each other'),
  body: z.object({ short: field(L.body.short), medium: field(L.body.medium), long: field(L.body.long) }),
  callsToAction: list(field(L.callToAction), L.callsToAction, 'calls to action').refine(distinct, 'Calls to action must differ from each other'),
})

export const shortCopyEditSchema = z.object({
  type: z.literal('ShortCopy'),
  basedOn,
  platforms: z.array(z.object({
    platform: z.enum(PLATFORMS, { error: `One of ${PLATFORMS.join(', ')}` }),
    variants: list(z.object({
      text: field(L.post),
      hashtags: z.array(storableString().trim().max(L.hashtag, `At most ${L.hashtag} characters`)).max(L.hashtags, `At most ${L.hashtags} hashtags`).default([]),
    }), L.variants, 'posts'),
  })).min(1, 'At least one platform').max(PLATFORMS.length, `At most ${PLATFORMS.length} platforms`),
})

export const visualEditSchema = z.object({
  type: z.literal('Visual'),
  basedOn,
  concepts: list(z.object({
    name: field(L.conceptName),
    layout: list(field(L.layoutElement), L.layout, 'layout elements'),
    altText: z.object({
      subject: field(L.altText.subject), purpose: field(L.altText.purpose), mood: field(L.altText.mood), text: field(L.altText.text),
    }),
    imagePrompt: field(L.imagePrompt),
  }), L.concepts, 'concepts').refine(concepts => distinct(concepts.map(concept => concept.name)), 'Concepts must have different names'),
})

/**
 * `POST /api/campaigns/{id}/artifacts/{artifact}/versions`: every text field of the artifact, as the
 * person wants it. Structure the text does not decide (the platforms, how many concepts, the palette,
 * the tone note) stays as in the version edited.
 */
export const artifactEditSchema = z.discriminatedUnion('type', [copyEditSchema, shortCopyEditSchema, visualEditSchema])
export type ArtifactEdit = z.output<typeof artifactEditSchema>
export type ArtifactEditInput = z.input<typeof artifactEditSchema>

/** `{n}` of `…/versions/{n}/restore`: the iteration to restore. */
export const versionNumberSchema = z.coerce.number('A version number').int('A whole number').min(1, 'At least 1').max(1_000_000, 'At most 1000000')

/** Where a version came from when a person made it: "Edited by …", "Restored from version N by …"; null for a writer's. */
export function versionOrigin(metadata: { editedBy?: string, restoredFrom?: number }): string | null {
  if (metadata.restoredFrom !== undefined) return `Restored from version ${metadata.restoredFrom}${metadata.editedBy ? ` by ${metadata.editedBy}` : ''}`
  if (metadata.editedBy !== undefined) return `Edited by ${metadata.editedBy}`
  return null
}
