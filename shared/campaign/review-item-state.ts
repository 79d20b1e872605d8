import type { ReviewItem, ReviewItemDecision } from './review-decisions'

// Apart from the schemas, so the owner's page can tell a decision's state without loading zod.

export function sameReviewItem(a: ReviewItem, b: ReviewItem): boolean {
  return a.artifactType === b.artifactType && a.platform === b.platform && a.postIndex === b.postIndex
}

/** Decided on a version older than the artifact's current one: what it judged may have changed. */
export function isOutdatedDecision(decision: Pick<ReviewItemDecision, 'version'>, currentVersion: number | undefined): boolean {
  return currentVersion !== undefined && currentVersion > decision.version
}

/** Asks the owner for something and is not resolved yet. */
export function isOpenDecision(decision: Pick<ReviewItemDecision, 'decision' | 'resolvedAt'>): boolean {
  return decision.decision === 'request-changes' && decision.resolvedAt === null
}
