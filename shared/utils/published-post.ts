import { hashtagKey, hashtagsIn } from './hashtags'

/**
 * The post exactly as it would be published: the text, then a blank line and the hashtags that the text
 * does not already carry inline. Counting and auditing both use this, so they judge the same thing.
 */
export function publishedPost(variant: { text: string, hashtags: readonly string[] }): string {
  const inline = new Set(hashtagsIn(variant.text).map(hashtagKey))
  const appended = variant.hashtags.filter(tag => !inline.has(hashtagKey(tag)))
  const text = variant.text.trimEnd()
  if (appended.length === 0) return text
  return text === '' ? appended.join(' ') : `${text}\n\n${appended.join(' ')}`
}
