import { CAMPAIGN_STATUSES, campaignListQuerySchema, type CampaignPage, type CampaignStatus } from '#shared/campaign'
import { useCampaignStore } from '~/stores/campaigns'

const PAGE_SIZE = 10

/**
 * The user's campaigns, one page at a time, with paging and the status filter in the URL.
 * Rendered on the server; then the hub's status announcements keep each row live, and a
 * campaign that appears elsewhere (another tab, the REST API) brings the page up to date.
 */
export function useCampaignList() {
  const route = useRoute()
  const router = useRouter()
  const store = useCampaignStore()
  const request = useRequestFetch()

  const query = computed(() => {
    const parsed = campaignListQuerySchema.safeParse({ page: route.query.page, status: route.query.status || undefined, pageSize: PAGE_SIZE })
    return parsed.success ? parsed.data : { page: 1, pageSize: PAGE_SIZE, status: undefined }
  })

  const { status, error, refresh } = useAsyncData('campaign-list', async () => {
    const page = await request<CampaignPage>('/api/campaigns', { query: query.value })
    store.applyPage(page)
    return page
  }, { watch: [query] })

  // A status announcement for a campaign this page does not list yet: a new campaign, when the
  // first page (unfiltered, or filtered to its status) is where it belongs.
  watch(() => Object.keys(store.campaigns).length, () => {
    const unknown = Object.values(store.campaigns).some(campaign => !campaign.theme)
    const onFirstPage = query.value.page === 1
    if (unknown && onFirstPage) void refresh()
  })

  function setQuery(next: { page?: number, status?: CampaignStatus | '' }) {
    const merged = { page: next.page ?? 1, status: next.status === undefined ? query.value.status : next.status || undefined }
    void router.push({ query: { ...(merged.page > 1 && { page: String(merged.page) }), ...(merged.status && { status: merged.status }) } })
  }

  return {
    campaigns: computed(() => store.listedCampaigns),
    listing: computed(() => store.listing),
    query,
    statuses: CAMPAIGN_STATUSES,
    pending: computed(() => status.value === 'pending'),
    error,
    setQuery,
  }
}
