import { z } from 'zod'
import { ARTIFACT_LIMITS as L, CONTROL_CHARACTERS, type Platform } from '#shared/campaign'

/*
 * What a model must hand back, per artifact type. Model output is untrusted text: every string
 * is trimmed, stripped of control characters and capped, and lists are capped, before anything
 * else sees it. Requirements (how many headlines, variants, concepts) mirror the offline writer.
 */

export const plain = (max: number) => z.string()
  .transform(value => value.replace(CONTROL_CHARACTERS, '').trim())
  .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`))

/** Takes at least `min` items and silently keeps at most `max`: extra ideas are harmless. */
const list = <T extends z.ZodType>(item: T, min: number, max: number, what: string) =>
  z.array(item).min(min, `needs at least ${min} ${what}`).transform(items => items.slice(0, max))

const distinct = (items: string[]) => new Set(items.map(item => item.toLowerCase())).size === items.length

// Only cleaned here: the shared short-copy finisher normalises, dedupes and caps hashtags.
const hashtag = z.string()
  .transform(value => value.replace(CONTROL_CHARACTERS, '').trim())
  .pipe(z.string().max(L.hashtag, `must be at most ${L.hashtag} characters`))

export const copyDraftSchema = z.object({
  headlines: list(plain(L.headline), L.headlines.min, L.headlines.max, 'headlines').refine(distinct, 'headlines must be distinct'),
  body: z.object({ short: plain(L.body.short), medium: plain(L.body.medium), long: plain(L.body.long) }),
  callsToAction: list(plain(L.callToAction), L.callsToAction.min, L.callsToAction.max, 'calls to action').refine(distinct, 'calls to action must be distinct'),
  toneNote: plain(800),
})
export type CopyDraft = z.output<typeof copyDraftSchema>

const shortCopyVariantSchema = z.object({
  text: plain(L.post),
  hashtags: z.array(hashtag).max(L.hashtags, `at most ${L.hashtags} hashtags`).default([]).transform(tags => tags.filter(Boolean)),
})

/** Models write "X", "Twitter" or "LinkedIn"; the brief says `x` and `linkedin`. */
function platformKey(name: string): string {
  const key = name.trim().toLowerCase().replace(/[^a-z]/g, '')
  return key === 'twitter' ? 'x' : key
}

/** Short copy must cover exactly the brief's platforms, each with at least three variants. */
export function shortCopyDraftSchema(platforms: readonly Platform[]) {
  return z.object({
    platforms: z.array(z.object({ platform: plain(40), variants: z.array(shortCopyVariantSchema) })).max(20),
  }).transform((draft, context) => {
    return platforms.map((platform) => {
      const entries = draft.platforms.filter(entry => platformKey(entry.platform) === platform)
      const variants = entries.flatMap(entry => entry.variants).slice(0, L.variants.max)
      if (variants.length < L.variants.min) {
        context.addIssue({ code: 'custom', path: ['platforms'], message: `needs at least ${L.variants.min} variants for ${platform}` })
      }
      return { platform, variants }
    })
  })
}

const hexColour = z.string().trim()
  .regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i, 'must be a hex colour such as #1A2B3C')
  .transform(hex => hex.toUpperCase())

const conceptSchema = z.object({
  name: plain(L.conceptName),
  palette: list(z.object({ hex: hexColour, role: z.enum(['background', 'text', 'accent']) }), 2, 8, 'colours')
    .refine(palette => palette.some(colour => colour.role === 'background')
      && palette.some(colour => colour.role === 'text'), 'needs a background colour and a text colour'),
  layout: list(plain(L.layoutElement), L.layout.min, L.layout.max, 'layout elements'),
  altText: z.object({ subject: plain(L.altText.subject), purpose: plain(L.altText.purpose), mood: plain(L.altText.mood), text: plain(L.altText.text) }),
  imagePrompt: plain(L.imagePrompt),
})

export const visualDraftSchema = z.object({
  concepts: list(conceptSchema, L.concepts.min, L.concepts.max, 'concepts')
    .refine(concepts => distinct(concepts.map(concept => concept.name)), 'concepts must have different names'),
})
export type VisualDraft = z.output<typeof visualDraftSchema>

/** Turns zod's issues into short sentences a model (or a marketer) can act on. */
export function describeIssues(error: z.ZodError, limit = 12): string[] {
  const problems = error.issues.map((issue) => {
    const path = issue.path.map(part => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('')
    return path ? `${path.replace(/^\./, '')} ${issue.message}` : issue.message
  })
  return problems.length > limit ? [...problems.slice(0, limit), `and ${problems.length - limit} more`] : problems
}
