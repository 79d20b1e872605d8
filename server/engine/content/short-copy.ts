import type { CampaignBrief, Platform, ShortCopyMetadata, ShortCopyVariant } from '#shared/campaign'
import { hashtagHasBannedTerm, hashtagKey, hashtagsIn, normaliseHashtag } from './hashtags'
import { countCharacters, PLATFORM_RULES } from './platform-rules'
import { publishedPost } from './published-post'

export interface ShortCopyDraft {
  platform: Platform
  variants: Array<{ text: string, hashtags: string[] }>
}

/**
 * The hashtags a variant goes out with: the brand's required tags first, then the writer's own, without
 * duplicates (ignoring case), without banned terms, without tags the text already carries inline, and
 * within the platform's hashtag cap. Required tags are never dropped; only optional ones make room.
 */
export function applyHashtagPolicy(brief: CampaignBrief, platform: Platform, text: string, hashtags: readonly string[]): string[] {
  const required = (brief.brand?.requiredHashtags ?? []).map(normaliseHashtag).filter(Boolean)
  const banned = brief.brand?.bannedTerms ?? []
  const inline = new Set(hashtagsIn(text).map(hashtagKey))
  const requiredKeys = new Set(required.map(hashtagKey))
  const seen = new Set(inline)
  const kept: string[] = []
  for (const tag of [...required, ...hashtags.map(normaliseHashtag)]) {
    const key = hashtagKey(tag)
    if (key === '' || seen.has(key)) continue
    if (!requiredKeys.has(key) && hashtagHasBannedTerm(tag, banned)) continue
    seen.add(key)
    kept.push(tag)
  }
  const cap = PLATFORM_RULES[platform].maxHashtags
  if (cap === undefined) return kept
  let room = Math.max(0, cap - inline.size - kept.filter(tag => requiredKeys.has(hashtagKey(tag))).length)
  return kept.filter((tag) => {
    if (requiredKeys.has(hashtagKey(tag))) return true
    if (room === 0) return false
    room -= 1
    return true
  })
}

/**
 * Turns drafted posts into publishable variants: applies the hashtag policy, counts the full post as
 * published by the platform's own rule and flags any variant over the limit. The text itself is never
 * shortened — an over-limit variant is returned whole with `overLimit: true` so a person (or a revision)
 * decides what to cut.
 */
export function finishShortCopy(brief: CampaignBrief, drafts: ShortCopyDraft[]): ShortCopyMetadata['platforms'] {
  return drafts.map(({ platform, variants }) => ({
    platform,
    variants: variants.map((draft): ShortCopyVariant => {
      const hashtags = applyHashtagPolicy(brief, platform, draft.text, draft.hashtags)
      const characterCount = countCharacters(platform, publishedPost({ text: draft.text, hashtags }))
      const limit = PLATFORM_RULES[platform].limit
      return { text: draft.text, hashtags, characterCount, limit, overLimit: characterCount > limit }
    }),
  }))
}
