import type { ReviewFeedbackPage } from '#shared/campaign'
import { useCampaignStore } from '~/stores/campaigns'

/** $fetch with a plain string URL: Nitro's route-typed inference over these paths is too deep for the compiler. */
const call = $fetch as unknown as <T = unknown>(url: string, options?: { query?: Record<string, string> }) => Promise<T>

/**
 * A campaign's reviewer feedback as its owner reads it: snapshots carry only the newest posts, and
 * older ones are loaded a page at a time, before the oldest one shown. Failures are shown as toasts.
 */
export function useReviewFeedbackHistory(campaignId: MaybeRefOrGetter<string>) {
  const store = useCampaignStore()
  const { showError } = useToasts()
  const loading = ref(false)
  const campaign = computed(() => store.campaigns[toValue(campaignId)])
  const olderCount = computed(() => campaign.value ? Math.max(0, campaign.value.reviewFeedbackCount - campaign.value.reviewFeedback.length) : 0)

  async function loadOlder(): Promise<void> {
    const oldest = campaign.value?.reviewFeedback[0]
    if (loading.value || olderCount.value === 0) return
    loading.value = true
    try {
      const page = await call<ReviewFeedbackPage>(`/api/campaigns/${encodeURIComponent(toValue(campaignId))}/review-feedback`, {
        query: oldest ? { before: oldest.id } : {},
      })
      store.applyReviewFeedbackPage(page)
    }
    catch (error) {
      showError(error, 'Older feedback could not be loaded.')
    }
    finally {
      loading.value = false
    }
  }

  return {
    feedback: computed(() => campaign.value?.reviewFeedback ?? []),
    totalCount: computed(() => campaign.value?.reviewFeedbackCount ?? 0),
    olderCount,
    loading,
    loadOlder,
  }
}
