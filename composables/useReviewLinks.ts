import type { CreateReviewLinkInput, CreatedReviewLink, ReviewLinkSummary } from '#shared/campaign'

/** $fetch with a plain string URL: Nitro's route-typed inference over these paths is too deep for the compiler. */
type RequestOptions = { method?: 'POST' | 'DELETE', body?: object }
const call = $fetch as unknown as <T = unknown>(url: string, options?: RequestOptions) => Promise<T>

/**
 * A campaign's review links over REST: list, create and revoke. Failures are shown as toasts;
 * each call returns what it got, or null / false when it failed.
 */
export function useReviewLinks(campaignId: Ref<string>) {
  const { show, showError } = useToasts()
  const links = ref<ReviewLinkSummary[]>([])
  const loading = ref(false)
  const path = computed(() => `/api/campaigns/${encodeURIComponent(campaignId.value)}/review-links`)

  async function load(): Promise<boolean> {
    loading.value = true
    try {
      links.value = (await call<{ links: ReviewLinkSummary[] }>(path.value)).links
      return true
    }
    catch (error) {
      showError(error, 'The review links could not be loaded.')
      return false
    }
    finally {
      loading.value = false
    }
  }

  async function create(input: CreateReviewLinkInput): Promise<CreatedReviewLink | null> {
    try {
      const created = await call<CreatedReviewLink>(path.value, { method: 'POST', body: input })
      await load()
      return created
    }
    catch (error) {
      showError(error, 'The review link could not be created.')
      return null
    }
  }

  async function revoke(linkId: string): Promise<boolean> {
    try {
      await call(`${path.value}/${encodeURIComponent(linkId)}`, { method: 'DELETE' })
      show('Review link revoked.', 'success')
      return true
    }
    catch (error) {
      showError(error, 'The review link could not be revoked.')
      return false
    }
    finally {
      await load()
    }
  }

  return { links, loading, load, create, revoke }
}
