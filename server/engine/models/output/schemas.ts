import { z } from 'zod'
import { ARTIFACT_LIMITS as L, CONTROL_CHARACTERS } from '#shared/campaign'

/*
 * The parts every type's draft schema (server/engine/artifact-types/<type>/model.ts) is built from.
 * Model output is untrusted text: every string is trimmed, stripped of control characters and capped,
 * and lists are capped, before anything else sees it. Requirements (how many headlines, variants,
 * concepts) mirror the offline writer.
 */

export const plain = (max: number) => z.string()
  .transform(value => value.replace(CONTROL_CHARACTERS, '').trim())
  .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`))

/** Takes at least `min` items and silently keeps at most `max`: extra ideas are harmless. */
export const draftList = <T extends z.ZodType>(item: T, min: number, max: number, what: string) =>
  z.array(item).min(min, `needs at least ${min} ${what}`).transform(items => items.slice(0, max))

export const distinct = (items: string[]) => new Set(items.map(item => item.toLowerCase())).size === items.length

// Only cleaned here: the shared short-copy finisher normalises, dedupes and caps hashtags.
export const draftHashtag = z.string()
  .transform(value => value.replace(CONTROL_CHARACTERS, '').trim())
  .pipe(z.string().max(L.hashtag, `must be at most ${L.hashtag} characters`))

/** Turns zod's issues into short sentences a model (or a marketer) can act on. */
export function describeIssues(error: z.ZodError, limit = 12): string[] {
  const problems = error.issues.map((issue) => {
    const path = issue.path.map(part => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('')
    return path ? `${path.replace(/^\./, '')} ${issue.message}` : issue.message
  })
  return problems.length > limit ? [...problems.slice(0, limit), `and ${problems.length - limit} more`] : problems
}
