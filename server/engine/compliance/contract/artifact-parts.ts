import type { Platform } from '#shared/campaign'
import type { LengthScope } from '#shared/brief-contract'
import { engineKind, type CheckedParts, type Post } from '../../artifact-types'
import type { AuditedArtifact, TextSegment } from '../audited-artifact'

export type { Post }

/** The parts of the artifact the brief's checks read, as its type lays them out. */
export function partsOf(artifact: AuditedArtifact): CheckedParts {
  return engineKind(artifact.type).audit.parts(artifact)
}

/** Each social post as it would be published. */
export function postsOf(artifact: AuditedArtifact): Post[] {
  return partsOf(artifact).posts
}

/** The long copy's bodies, or its whole content when its structure could not be read. */
export function bodiesOf(artifact: AuditedArtifact): TextSegment[] {
  return partsOf(artifact).bodies
}

/** The parts of an artifact a length limit with `scope` applies to; empty when it does not apply. */
export function partsInScope(artifact: AuditedArtifact, scope: LengthScope, platform?: Platform): TextSegment[] {
  const parts = partsOf(artifact)
  switch (scope) {
    case 'posts': return parts.posts.filter(post => !platform || post.platform === platform)
    case 'body': return parts.bodies
    case 'headlines': return parts.headlines
    case 'callsToAction': return parts.callsToAction
    case 'altText': return parts.altText
  }
}

/**
 * The units a "the artifact must carry X" check is judged on: the long copy as a whole, and each
 * platform's posts as a whole (each platform is read on its own). The visual carries no such text.
 */
export function readingUnits(artifact: AuditedArtifact): TextSegment[] {
  return partsOf(artifact).readingUnits
}
