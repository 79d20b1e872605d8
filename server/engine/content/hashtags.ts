import { containsTerm } from './text-matching'

/** Hashtags as platforms recognise them: `#` then letters, digits or underscores. */
const HASHTAG = /(?<![\p{L}\p{N}_&#])#[\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*/gu

/** `sale` / `#Sale!` → `#Sale`; empty when nothing usable is left. */
export function normaliseHashtag(tag: string): string {
  const body = tag.replace(/^#+/u, '').replace(/[^\p{L}\p{N}_]/gu, '')
  return body === '' ? '' : `#${body}`
}

/** Hashtags compare without case: #EcoSip and #ecosip are the same tag. */
export function hashtagKey(tag: string): string {
  return normaliseHashtag(tag).toLowerCase()
}

export function hashtagsIn(text: string): string[] {
  return text.match(HASHTAG) ?? []
}

/** Whether a banned term appears in a hashtag, with or without its spaces: "fast cash" bans #FastCash. */
export function hashtagHasBannedTerm(tag: string, bannedTerms: readonly string[]): boolean {
  const body = normaliseHashtag(tag).slice(1).toLowerCase()
  return bannedTerms.some((term) => {
    const squashed = term.toLowerCase().replace(/[^\p{L}\p{N}_]/gu, '')
    return squashed !== '' && (body.includes(squashed) || containsTerm(tag, term))
  })
}
