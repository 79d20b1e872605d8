import { z } from 'zod'
import type { Platform } from '#shared/campaign'

/*
 * What a model must hand back, per artifact type. Model output is untrusted text: every string
 * is trimmed, stripped of control characters and capped, and lists are capped, before anything
 * else sees it. Requirements (how many headlines, variants, concepts) mirror the offline writer.
 */

// Control characters other than tab and newline have no place in marketing text.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g

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
  .pipe(z.string().max(100, 'must be at most 100 characters'))

export const copyDraftSchema = z.object({
  headlines: list(plain(200), 3, 8, 'headlines').refine(distinct, 'headlines must be distinct'),
  body: z.object({ short: plain(800), medium: plain(2000), long: plain(5000) }),
  callsToAction: list(plain(120), 3, 8, 'calls to action').refine(distinct, 'calls to action must be distinct'),
  toneNote: plain(800),
})
export type CopyDraft = z.output<typeof copyDraftSchema>

const shortCopyVariantSchema = z.object({
  text: plain(5000),
  hashtags: z.array(hashtag).max(30, 'at most 30 hashtags').default([]).transform(tags => tags.filter(Boolean)),
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
      const variants = entries.flatMap(entry => entry.variants).slice(0, 6)
      if (variants.length < 3) {
        context.addIssue({ code: 'custom', path: ['platforms'], message: `needs at least 3 variants for ${platform}` })
      }
      return { platform, variants }
    })
  })
}

const hexColour = z.string().trim()
  .regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i, 'must be a hex colour such as #1A2B3C')
  .transform(hex => hex.toUpperCase())

const conceptSchema = z.object({
  name: plain(100),
  palette: list(z.object({ hex: hexColour, role: z.enum(['background', 'text', 'accent']) }), 2, 8, 'colours')
    .refine(palette => palette.some(colour => colour.role === 'background')
      && palette.some(colour => colour.role === 'text'), 'needs a background colour and a text colour'),
  layout: list(plain(300), 1, 10, 'layout elements'),
  altText: z.object({ subject: plain(300), purpose: plain(300), mood: plain(200), text: plain(1000) }),
  imagePrompt: plain(3000),
})

export const visualDraftSchema = z.object({
  concepts: list(conceptSchema, 2, 4, 'concepts')
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
