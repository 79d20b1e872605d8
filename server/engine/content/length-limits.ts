import type { CheckOf, LengthScope } from '#shared/brief-contract'
import type { Platform } from '#shared/campaign'
import { countCharacters } from './platform-rules'
import { wordCount } from './readability'

export type LengthLimit = CheckOf<'max-length'>

/** The longest a part may be: "under 600" allows 599, "at most 600" allows 600. */
export function allowedLength(limit: LengthLimit): number {
  return limit.strict ? limit.limit - 1 : limit.limit
}

/** A part's length as the limit counts it: words, or characters as the part's platform counts them when it has one. */
export function measuredLength(limit: LengthLimit, text: string, platform?: Platform): number {
  if (limit.unit === 'words') return wordCount(text)
  return platform ? countCharacters(platform, text) : [...text].length
}

/** Whether a limit covers a part: the same scope, and the same platform when the limit names one. */
export function limitCovers(limit: LengthLimit, scope: LengthScope, platform?: Platform): boolean {
  return limit.scope === scope && (!limit.platform || limit.platform === platform)
}

/** Whether text fits every limit that covers its part; the writer and the audit measure the same way. */
export function fitsLengthLimits(limits: readonly LengthLimit[], scope: LengthScope, text: string, platform?: Platform): boolean {
  return limits.every(limit => !limitCovers(limit, scope, platform) || measuredLength(limit, text, platform) <= allowedLength(limit))
}
