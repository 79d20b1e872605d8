import type { BriefCheck } from '#shared/brief-contract'
import type { CampaignBrief, Platform, ShortCopyMetadata, ShortCopyVariant } from '#shared/campaign'
import { bannedTermInHashtag, hashtagKey, hashtagsIn, normaliseHashtag } from './hashtags'
import { countCharacters, PLATFORM_RULES } from './platform-rules'
import { publishedPost } from './published-post'

export interface ShortCopyDraft {
  platform: Platform
  variants: Array<{ text: string, hashtags: string[] }>
}

/** What the brief's constraint lines ask of every post's hashtags, beyond the brand kit's required tags. */
export interface HashtagContract {
  /** Tags a constraint line requires ("Always use #BeanBox"). */
  required: string[]
  /** The fewest any "at most N hashtags" line allows; absent when no line limits them. */
  max?: number
}

export const NO_HASHTAG_CONTRACT: HashtagContract = { required: [] }

export function hashtagContractOf(checks: readonly BriefCheck[]): HashtagContract {
  const lines = checks.filter(check => check.source.field === 'constraints')
  const required = lines.flatMap(check => (check.kind === 'required-hashtags' ? check.tags : []))
  const maxima = lines.flatMap(check => (check.kind === 'max-hashtags' ? [check.max] : []))
  return maxima.length > 0 ? { required, max: Math.min(...maxima) } : { required }
}

/**
 * The hashtags a variant goes out with: the required tags first (brand kit, then constraint lines), then
 * the writer's own, without duplicates (ignoring case), without banned terms, without tags the text
 * already carries inline, and within the platform's hashtag cap and the brief's own limit. Required tags
 * are never dropped; only optional ones make room.
 */
export function applyHashtagPolicy(brief: CampaignBrief, platform: Platform, text: string, hashtags: readonly string[], contract: HashtagContract = NO_HASHTAG_CONTRACT): string[] {
  const required = [...(brief.brand?.requiredHashtags ?? []), ...contract.required].map(normaliseHashtag).filter(Boolean)
  const isBanned = bannedTermInHashtag(brief.brand?.bannedTerms ?? [])
  const inline = new Set(hashtagsIn(text).map(hashtagKey))
  const requiredKeys = new Set(required.map(hashtagKey))
  const seen = new Set(inline)
  const kept: string[] = []
  for (const tag of [...required, ...hashtags.map(normaliseHashtag)]) {
    const key = hashtagKey(tag)
    if (key === '' || seen.has(key)) continue
    if (!requiredKeys.has(key) && isBanned(tag)) continue
    seen.add(key)
    kept.push(tag)
  }
  const caps = [PLATFORM_RULES[platform].maxHashtags, contract.max].filter((cap): cap is number => cap !== undefined)
  if (caps.length === 0) return kept
  const cap = Math.min(...caps)
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
export function finishShortCopy(brief: CampaignBrief, drafts: ShortCopyDraft[], contract: HashtagContract = NO_HASHTAG_CONTRACT): ShortCopyMetadata['platforms'] {
  return drafts.map(({ platform, variants }) => ({
    platform,
    variants: variants.map((draft): ShortCopyVariant => {
      const hashtags = applyHashtagPolicy(brief, platform, draft.text, draft.hashtags, contract)
      const characterCount = countCharacters(platform, publishedPost({ text: draft.text, hashtags }))
      const limit = PLATFORM_RULES[platform].limit
      return { text: draft.text, hashtags, characterCount, limit, overLimit: characterCount > limit }
    }),
  }))
}
