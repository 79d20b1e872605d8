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
