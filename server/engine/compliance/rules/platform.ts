import { hashtagKey, hashtagsIn } from '../../content/hashtags'
import { countCharacters, PLATFORM_RULES } from '../../content/platform-rules'
import { publishedPost } from '../../content/published-post'
import { variantLocation } from '../audited-artifact'
import { defineRule } from '../rule'

/** Counted again here rather than trusting the metadata's own count, so a writer cannot mislabel a post. */
export const platformLength = defineRule({
  id: 'platform.length',
  category: 'compliance',
  severity: 'High',
  explanation: 'A post over the platform\'s character limit cannot be published as written (X counts weighted characters).',
  recommendation: 'Shorten the post to fit the platform\'s character limit.',
  appliesTo: ['ShortCopy'],
  check(artifact) {
    if (artifact.type !== 'ShortCopy' || !artifact.metadata) return null
    return artifact.metadata.platforms.flatMap(({ platform, variants }) => variants.flatMap((variant, index) => {
      const { limit } = PLATFORM_RULES[platform]
      const count = countCharacters(platform, publishedPost(variant))
      if (count <= limit && !variant.overLimit) return []
      return [{
        location: variantLocation(platform, index),
        description: `${count} characters; the limit is ${limit}.`,
        recommendation: `Shorten the post by at least ${Math.max(1, count - limit)} characters to fit the ${limit}-character limit.`,
      }]
    }))
  },
})

export const hashtagCount = defineRule({
  id: 'platform.hashtag-count',
  category: 'compliance',
  severity: 'Medium',
  explanation: 'Some platforms cap hashtags per post (Instagram: 5); a post over the cap is rejected or loses reach.',
  recommendation: 'Use no more hashtags than the platform allows.',
  appliesTo: ['ShortCopy'],
  check(artifact) {
    if (artifact.type !== 'ShortCopy' || !artifact.metadata) return null
    const capped = artifact.metadata.platforms.filter(({ platform }) => PLATFORM_RULES[platform].maxHashtags !== undefined)
    if (capped.length === 0) return null
    return capped.flatMap(({ platform, variants }) => variants.flatMap((variant, index) => {
      const cap = PLATFORM_RULES[platform].maxHashtags ?? Infinity
      const count = new Set(hashtagsIn(publishedPost(variant)).map(hashtagKey)).size
      if (count <= cap) return []
      return [{
        location: variantLocation(platform, index),
        description: `${count} hashtags; the platform allows ${cap}.`,
        recommendation: `Use at most ${cap} hashtags in this post (remove ${count - cap}).`,
      }]
    }))
  },
})
