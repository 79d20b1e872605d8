import { storableString } from '../schemas/storable-text'
import { z } from '../schemas/zod'

/**
 * How much each written field may hold and how many of each there are: the same bounds for a
 * writer's draft (server/engine/artifact-types/*) and for a person's edit.
 */
export const ARTIFACT_LIMITS = {
  headline: 200, headlines: { min: 3, max: 8 },
  body: { short: 800, medium: 2000, long: 5000 },
  callToAction: 120, callsToAction: { min: 3, max: 8 },
  post: 5000, xPost: 600, hashtag: 100, hashtags: 30, variants: { min: 3, max: 6 },
  conceptName: 100, layoutElement: 300, layout: { min: 1, max: 10 },
  altText: { subject: 300, purpose: 300, mood: 200, text: 1000 }, imagePrompt: 3000, concepts: { min: 2, max: 4 },
} as const

/**
 * The most characters a post's text may have on `platform`. X allows 280 counted its way, where every
 * link counts 23 however long it is: 600 leaves room for long links. The cap also bounds the cost of
 * counting: twitter-text's link finder takes time quadratic in a word's length (a 5,000-character
 * word of dotted CJK characters took 0.2 s in one step; the worst of 600 found took 3.5 ms).
 */
export const postTextLimit = (platform: string): number => platform === 'x' ? ARTIFACT_LIMITS.xPost : ARTIFACT_LIMITS.post

// Control characters other than tab and newline have no place in marketing text.
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g

/** A written field as a person sends it: control characters dropped, trimmed, not empty, at most `max`. */
export const editedField = (max: number) => storableString()
  .transform(value => value.replace(CONTROL_CHARACTERS, '').trim())
  .pipe(z.string().min(1, 'Must not be empty').max(max, `At most ${max} characters`))

export const editedList = <T extends z.ZodType>(item: T, { min, max }: { min: number, max: number }, what: string) =>
  z.array(item).min(min, `At least ${min} ${what}`).max(max, `At most ${max} ${what}`)

export const distinct = (items: string[]) => new Set(items.map(item => item.toLowerCase())).size === items.length

/** Every edit names the version it started from. */
export const basedOn = z.int('A whole number').min(1, 'At least 1')
  .meta({ description: 'The version the edit started from: 409 when another version has been saved since.' })
