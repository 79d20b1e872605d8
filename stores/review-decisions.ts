import { defineStore } from 'pinia'
import type { ReviewDecisionList, ReviewDecisionNotice, ReviewItemDecision } from '#shared/campaign'

const byTime = (a: ReviewItemDecision, b: ReviewItemDecision) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * Reviewers' decisions on single items, per campaign, from REST and the hub alike. Decisions are only
 * added, and resolving is once: merging in any order, or twice, ends in the same state.
 */
export const useReviewDecisionStore = defineStore('review-decisions', () => {
  const byCampaign = ref<Record<string, ReviewItemDecision[]>>({})
  const receivedListeners = new Set<(notice: ReviewDecisionNotice) => void>()

  /** Merges `incoming` into the campaign's decisions; returns those not seen before. */
  function merge(campaignId: string, incoming: readonly ReviewItemDecision[]): ReviewItemDecision[] {
    const known = new Map((byCampaign.value[campaignId] ?? []).map(decision => [decision.id, decision]))
    const added: ReviewItemDecision[] = []
    let changed = false
    for (const decision of incoming) {
      const existing = known.get(decision.id)
      if (!existing) added.push(decision)
      else if (existing.resolvedAt !== null || decision.resolvedAt === null) continue
      known.set(decision.id, decision)
      changed = true
    }
    if (changed) byCampaign.value[campaignId] = [...known.values()].sort(byTime)
    return added
  }

  /** `GET /api/campaigns/{id}/review-decisions`, or the review page's view. */
  function applyList(list: ReviewDecisionList): void {
    merge(list.campaignId, list.decisions)
  }

  /** `OnReviewDecisionChanged`: a new decision is told to the listeners, a resolution only stored. */
  function applyNotice(notice: ReviewDecisionNotice): void {
    if (merge(notice.campaignId, [notice.decision]).length > 0) receivedListeners.forEach(listener => listener(notice))
  }

  function onDecisionReceived(listener: (notice: ReviewDecisionNotice) => void): () => void {
    receivedListeners.add(listener)
    return () => receivedListeners.delete(listener)
  }

  const decisionsOf = (campaignId: string): ReviewItemDecision[] => byCampaign.value[campaignId] ?? []

  return { byCampaign, applyList, applyNotice, onDecisionReceived, decisionsOf }
})
