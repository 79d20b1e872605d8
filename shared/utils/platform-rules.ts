import twitterText from 'twitter-text'
import type { Platform } from '../campaign/platforms'

export interface PlatformRule {
  /** The most characters one post may have, counted the platform's way. */
  limit: number
  /** `weighted`: X's rule (most CJK and emoji count 2, every URL 23); `code-points`: one per Unicode code point. */
  counting: 'weighted' | 'code-points'
  /** The most hashtags one post may carry, where the platform sets a cap. */
  maxHashtags?: number
}

/**
 * Post limits per platform. Sources, checked when this table was written:
 * - x: 280 weighted characters — X developer docs "Counting characters" and twitter-text's v3 config
 *   (`maxWeightedTweetLength: 280`), which is also what counts them here.
 * - linkedin: 3,000 characters for a post's commentary — LinkedIn Help "Share content on LinkedIn"
 *   and the Posts API (`commentary` max length 3,000).
 * - instagram: 2,200 characters per caption — Instagram Help Centre; at most 5 hashtags per post or
 *   reel since Instagram's December 2025 change (announced by @creators; previously 30).
 * - facebook: 63,206 characters per post — the long-standing cap of Facebook's composer.
 * - tiktok: 2,200 characters — the cap the TikTok Content Posting API enforces for video captions; the
 *   app itself allows up to 4,000 for some accounts, so 2,200 is the limit that is safe on every route.
 */
export const PLATFORM_RULES: Readonly<Record<Platform, PlatformRule>> = {
  x: { limit: 280, counting: 'weighted' },
  linkedin: { limit: 3000, counting: 'code-points' },
  instagram: { limit: 2200, counting: 'code-points', maxHashtags: 5 },
  facebook: { limit: 63206, counting: 'code-points' },
  tiktok: { limit: 2200, counting: 'code-points' },
}

/** The length of `text` as `platform` counts it against its limit. */
export function countCharacters(platform: Platform, text: string): number {
  if (PLATFORM_RULES[platform].counting === 'weighted') return twitterText.parseTweet(text).weightedLength
  return [...text].length
}
