import { hashtagKey, hashtagsIn } from '../../content/hashtags'
import { PLATFORM_RULES } from '../../content/platform-rules'
import { publishedPost } from '../../content/published-post'
import { variantLocation } from '../audited-artifact'
import { defineRule } from '../rule'

export const hashtagCount = defineRule({
  id: 'platform.hashtag-count',
  title: 'Within each platform\'s hashtag cap',
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
