import type { ReviewItem, ReviewItemDecision } from '#shared/campaign'
import { PLATFORM_NAMES } from '#shared/utils/platform-names'
import { ARTIFACT_TITLES } from './campaign-display'

/** How people name an item: "Short copy", "LinkedIn post 2". */
export function reviewItemLabel(item: ReviewItem): string {
  if (item.platform === null || item.postIndex === null) return ARTIFACT_TITLES[item.artifactType]
  return `${PLATFORM_NAMES[item.platform] ?? item.platform} post ${item.postIndex + 1}`
}

/** A request for changes as one line of regenerate feedback: which post, the passage, what to change. */
export function regenerateFeedbackFrom(decision: ReviewItemDecision): string {
  const about = decision.postIndex === null ? '' : `${reviewItemLabel(decision)}: `
  const passage = decision.quote ? `In “${decision.quote.replace(/\s+/g, ' ')}”, ` : ''
  return `${about}${passage}${decision.comment}`
}

export const DECISION_LABELS: Record<ReviewItemDecision['decision'], string> = { 'approve': 'Approved', 'request-changes': 'Requested changes' }
