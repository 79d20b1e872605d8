import { isOpenDecision, type ReviewDecisionList, type ReviewItemDecision } from '#shared/campaign'
import { useReviewDecisionStore } from '~/stores/review-decisions'

/**
 * The owner's side of reviewers' decisions on one campaign: loaded with the page, kept live by the
 * hub, announced as they arrive, resolved from the panels beside each item.
 */
export function useOwnerReviewDecisions(id: MaybeRefOrGetter<string>, connection: Readonly<Ref<string>>) {
  const store = useReviewDecisionStore()
  const request = useRequestFetch()
  const path = () => `/api/campaigns/${encodeURIComponent(toValue(id))}/review-decisions`
  const load = async () => {
    store.applyList(await request<ReviewDecisionList>(path()))
    return true
  }
  useAsyncData(() => `review-decisions-${toValue(id)}`, load)
  // Decisions made while the hub was away are not replayed: read the list again once it is back.
  watch(connection, (state, previous) => {
    if (state === 'Connected' && previous === 'Reconnecting') load().catch(() => undefined)
  })

  const { show, showError } = useToasts()
  provideReviewItems(id, {
    resolve: async (decision: ReviewItemDecision) => {
      try {
        const resolved = await $fetch<ReviewItemDecision>(`${path()}/${decision.id}/resolve`, { method: 'POST' })
        // The hub tells every page of the campaign; this one need not wait for it.
        store.applyNotice({ campaignId: toValue(id), decision: resolved })
      }
      catch (error) {
        showError(error, 'The decision could not be marked resolved. Try again.')
      }
    },
  })

  if (import.meta.client) {
    const stop = store.onDecisionReceived(({ campaignId, decision }) => {
      if (campaignId !== toValue(id)) return
      const verb = decision.decision === 'approve' ? 'approved' : 'requested changes to'
      show(`${decision.reviewerName} ${verb} ${reviewItemLabel(decision)}.`, 'info')
    })
    onBeforeUnmount(stop)
  }

  return { openCount: computed(() => store.decisionsOf(toValue(id)).filter(isOpenDecision).length) }
}
