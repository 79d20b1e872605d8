import type { ReviewFeedback } from '../campaign/review'

/**
 * Everything in `known` and `incoming`, once each, oldest first. Feedback is only ever added, so
 * the union is right whatever order snapshots, live posts and older pages arrive in; `known` itself
 * comes back when nothing is new, so nothing re-renders.
 */
export function mergeReviewFeedback(known: ReviewFeedback[], incoming: ReviewFeedback[]): ReviewFeedback[] {
  const ids = new Set(known.map(item => item.id))
  const added = incoming.filter(item => !ids.has(item.id) && ids.add(item.id))
  if (added.length === 0) return known
  return [...known, ...added].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
