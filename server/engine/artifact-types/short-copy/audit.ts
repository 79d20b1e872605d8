import { z } from 'zod'
import { PLATFORMS, variantLocation, type CampaignBrief } from '#shared/campaign'
import type { TextSegment } from '../../compliance/audited-artifact'
import type { Finding } from '../../compliance/rule'
import { missing } from '../../compliance/structure-gaps'
import { publishedPost } from '../../content/published-post'
import { PLATFORM_NAMES } from '../../content/render'
import type { AuditedShape, CheckedParts, Post } from '../kind'

export const FEWEST_VARIANTS_PER_PLATFORM = 3

const text = z.string()

export const auditedShortCopySchema = z.object({
  platforms: z.array(z.object({
    platform: z.enum(PLATFORMS),
    variants: z.array(z.object({
      text,
      hashtags: z.array(text).default([]),
      overLimit: z.boolean().optional(),
    })),
  })),
})
type AuditedShortCopy = z.output<typeof auditedShortCopySchema>

function postsOf(shortCopy: AuditedShortCopy): Post[] {
  return shortCopy.platforms.flatMap(({ platform, variants }) =>
    variants.map((variant, index) => ({ platform, location: variantLocation(platform, index), text: publishedPost(variant) })))
}

/** Each platform's posts read as a whole: each platform is read on its own. */
function perPlatform(posts: readonly Post[]): TextSegment[] {
  const platforms = [...new Set(posts.map(post => post.platform))]
  return platforms.map(platform => ({
    location: `${PLATFORM_NAMES[platform]} posts`,
    text: posts.filter(post => post.platform === platform).map(post => post.text).join('\n'),
  }))
}

export const shortCopyAudit = {
  schema: auditedShortCopySchema,
  segments: (shortCopy: AuditedShortCopy): TextSegment[] => postsOf(shortCopy).map(({ location, text }) => ({ location, text })),
  completeness: `short copy with ${FEWEST_VARIANTS_PER_PLATFORM} variants per platform`,
  gaps(shortCopy: AuditedShortCopy, brief: CampaignBrief): Finding[] {
    return brief.platforms.flatMap((platform) => {
      const written = shortCopy.platforms.find(entry => entry.platform === platform)
      const count = written ? written.variants.filter(variant => variant.text.trim() !== '').length : 0
      return count >= FEWEST_VARIANTS_PER_PLATFORM ? [] : [missing(PLATFORM_NAMES[platform], `${count} of ${FEWEST_VARIANTS_PER_PLATFORM} variants written for ${PLATFORM_NAMES[platform]}.`)]
    })
  },
  unreadable: 'The short copy has no readable structure.',
  parts(artifact: AuditedShape<AuditedShortCopy>): CheckedParts {
    const posts = artifact.metadata ? postsOf(artifact.metadata) : []
    return {
      posts,
      bodies: [],
      headlines: [],
      callsToAction: [],
      altText: [],
      readingUnits: posts.length === 0 ? [{ location: 'content', text: artifact.content }] : perPlatform(posts),
      callToActionUnits: posts,
      brandNameUnits: [],
    }
  },
}
