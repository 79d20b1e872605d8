import { z } from 'zod'
import { ARTIFACT_LIMITS as L, postTextLimit, type CampaignBrief, type Platform } from '#shared/campaign'
import { finishShortCopy } from '../../content/short-copy'
import { draftHashtag, plain } from '../../models/output/schemas'
import type { CheckScope } from '../kind'

const shortCopyVariantSchema = z.object({
  text: plain(L.post),
  hashtags: z.array(draftHashtag).max(L.hashtags, `at most ${L.hashtags} hashtags`).default([]).transform(tags => tags.filter(Boolean)),
})

/** Models write "X", "Twitter" or "LinkedIn"; the brief says `x` and `linkedin`. */
function platformKey(name: string): string {
  const key = name.trim().toLowerCase().replace(/[^a-z]/g, '')
  return key === 'twitter' ? 'x' : key
}

/** Short copy must cover exactly the brief's platforms, each with at least three variants. */
export function shortCopyDraftSchema(platforms: readonly Platform[]) {
  return z.object({
    platforms: z.array(z.object({ platform: plain(40), variants: z.array(shortCopyVariantSchema) })).max(20),
  }).transform((draft, context) => {
    return platforms.map((platform) => {
      const entries = draft.platforms.filter(entry => platformKey(entry.platform) === platform)
      const variants = entries.flatMap(entry => entry.variants).slice(0, L.variants.max)
      if (variants.length < L.variants.min) {
        context.addIssue({ code: 'custom', path: ['platforms'], message: `needs at least ${L.variants.min} variants for ${platform}` })
      }
      const max = postTextLimit(platform)
      if (variants.some(variant => variant.text.length > max)) {
        context.addIssue({ code: 'custom', path: ['platforms'], message: `each ${platform} variant's text must be at most ${max} characters` })
      }
      return { platform, variants }
    })
  })
}

// Each post carries the brief's words (the brand's name may give way to the product's), links, hashtags and limits.
const shortCopyChecks: CheckScope = {
  'must-mention': check => check.source.field !== 'brand.name',
  'must-not-say': () => true,
  'claim-class': () => true,
  'max-length': check => check.scope === 'posts',
  'platform-fit': () => true,
  'required-link': () => true,
  'call-to-action': () => true,
  'required-disclaimer': () => false,
  'required-hashtags': () => true,
  'max-hashtags': () => true,
  'emoji': check => !check.allowed,
  'reading-level': () => false,
  'language': () => true,
  'substantiation': () => false,
}

export const shortCopyModel = {
  checks: shortCopyChecks,
  task: (brief: CampaignBrief) => [
    `Write short social posts for these platforms: ${brief.platforms.join(', ')}.`,
    '- at least 3 clearly different variants per platform, each a complete post;',
    '- keep each post well within the platform\'s limit (x: 280 characters including hashtags, '
    + 'linkedin: 3000, instagram: 2200 with at most 5 hashtags, facebook: 500, tiktok: 2200);',
    '- put hashtags in the hashtags list, not in the text;',
    brief.brand?.requiredHashtags.length ? '- every variant carries the brand\'s required hashtags.' : '',
  ].filter(Boolean).join('\n'),
  shape: (brief: CampaignBrief) => ({
    platforms: brief.platforms.map(platform => ({
      platform,
      variants: [1, 2, 3].map(() => ({ text: '…', hashtags: ['#…'] })),
    })),
  }),
  readDraft(value: unknown, brief: CampaignBrief) {
    const result = shortCopyDraftSchema(brief.platforms).safeParse(value)
    return result.success
      ? { ok: true as const, metadata: { platforms: finishShortCopy(brief, result.data) } }
      : { ok: false as const, error: result.error }
  },
}
