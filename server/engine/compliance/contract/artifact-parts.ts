import type { Platform } from '#shared/campaign'
import type { LengthScope } from '#shared/brief-contract'
import { publishedPost } from '../../content/published-post'
import { PLATFORM_NAMES } from '../../content/render'
import { variantLocation, type AuditedArtifact, type TextSegment } from '../audited-artifact'

export interface Post extends TextSegment {
  platform: Platform
}

/** Each social post as it would be published. */
export function postsOf(artifact: AuditedArtifact): Post[] {
  if (artifact.type !== 'ShortCopy' || !artifact.metadata) return []
  return artifact.metadata.platforms.flatMap(({ platform, variants }) =>
    variants.map((variant, index) => ({ platform, location: variantLocation(platform, index), text: publishedPost(variant) })))
}

/** The long copy's bodies, or its whole content when its structure could not be read. */
export function bodiesOf(artifact: AuditedArtifact): TextSegment[] {
  if (artifact.type !== 'Copy') return []
  if (!artifact.metadata) return [{ location: 'content', text: artifact.content }]
  return Object.entries(artifact.metadata.body).map(([length, text]) => ({ location: `body.${length}`, text }))
}

/** The parts of an artifact a length limit with `scope` applies to; empty when it does not apply. */
export function partsInScope(artifact: AuditedArtifact, scope: LengthScope, platform?: Platform): TextSegment[] {
  switch (scope) {
    case 'posts': return postsOf(artifact).filter(post => !platform || post.platform === platform)
    case 'body': return bodiesOf(artifact)
    case 'headlines': return artifact.type === 'Copy' && artifact.metadata
      ? artifact.metadata.headlines.map((text, index) => ({ location: `headlines[${index}]`, text }))
      : []
    case 'callsToAction': return artifact.type === 'Copy' && artifact.metadata
      ? artifact.metadata.callsToAction.map((text, index) => ({ location: `callsToAction[${index}]`, text }))
      : []
    case 'altText': return artifact.type === 'Visual' && artifact.metadata
      ? artifact.metadata.concepts.map((concept, index) => ({ location: `concepts[${index}].altText`, text: concept.altText.text }))
      : []
  }
}

/**
 * The units a "the artifact must carry X" check is judged on: the long copy as a whole, and each
 * platform's posts as a whole (each platform is read on its own). The visual carries no such text.
 */
export function readingUnits(artifact: AuditedArtifact): TextSegment[] {
  if (artifact.type === 'Copy') return [{ location: 'content', text: artifact.segments.map(segment => segment.text).join('\n') }]
  if (artifact.type !== 'ShortCopy') return []
  const posts = postsOf(artifact)
  if (posts.length === 0) return [{ location: 'content', text: artifact.content }]
  const platforms = [...new Set(posts.map(post => post.platform))]
  return platforms.map(platform => ({
    location: `${PLATFORM_NAMES[platform]} posts`,
    text: posts.filter(post => post.platform === platform).map(post => post.text).join('\n'),
  }))
}
