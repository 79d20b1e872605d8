import type { ReviewView } from '#shared/campaign'

/**
 * Why a review page shows no campaign. Only a link the server does not know (404, 401) is dead; a
 * 429 is the visitor's own rate limit, and anything else is a fault a later visit may not meet.
 */
export type ReviewUnavailableReason = 'invalid' | 'rate-limited' | 'failed'

const PAGE_STATUS: Record<ReviewUnavailableReason, number> = { 'invalid': 404, 'rate-limited': 429, 'failed': 500 }

function reasonFor(status: number | undefined): ReviewUnavailableReason {
  if (status === 404 || status === 401) return 'invalid'
  return status === 429 ? 'rate-limited' : 'failed'
}

/** What a review link shows, loaded with the page; when it cannot be shown, why, with the page's status to match. */
export async function useReviewView(token: string) {
  // Kept in the page's payload: the browser needs the seconds too, and never sees the server's answer.
  const retryAfterSeconds = useState<number | null>(`review-retry-after-${token}`, () => null)
  const request = useFetch<ReviewView>(`/api/review/${token}`, {
    key: `review-${token}`,
    onResponseError({ response }) {
      retryAfterSeconds.value = Number(response.headers.get('retry-after')) || null
    },
  })
  const { data, error } = request
  const unavailable = computed<ReviewUnavailableReason | null>(() => {
    if (error.value) return reasonFor(error.value.statusCode)
    return data.value ? null : 'invalid'
  })
  // Taken before waiting: after an await, a composable no longer knows which request it serves.
  const event = useRequestEvent()
  const retryAfterHeader = useResponseHeader('Retry-After')
  await request

  // A real 404 or 429 for the reviewer's browser and for crawlers, not a 200 error page.
  if (event && unavailable.value) {
    setResponseStatus(event, PAGE_STATUS[unavailable.value])
    if (retryAfterSeconds.value) retryAfterHeader.value = String(retryAfterSeconds.value)
  }
  return { data, unavailable, retryAfterSeconds }
}
