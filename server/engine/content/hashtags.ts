import { normaliseHashtag } from '#shared/utils/hashtags'
import { containsTerm } from './text-matching'

// Recognising hashtags is shared with the browser, whose post previews publish them the same way.
export { normaliseHashtag, hashtagKey, hashtagsIn } from '#shared/utils/hashtags'

/** Whether a banned term appears in a hashtag, with or without its spaces: "fast cash" bans #FastCash. */
export function hashtagHasBannedTerm(tag: string, bannedTerms: readonly string[]): boolean {
  const body = normaliseHashtag(tag).slice(1).toLowerCase()
  return bannedTerms.some((term) => {
    const squashed = term.toLowerCase().replace(/[^\p{L}\p{N}_]/gu, '')
    return squashed !== '' && (body.includes(squashed) || containsTerm(tag, term))
  })
}
