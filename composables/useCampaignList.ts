import { campaignListQuerySchema, type CampaignListQuery, type CampaignPage } from '#shared/campaign'
import { useCampaignStore } from '~/stores/campaigns'

const PAGE_SIZE = 10

/** What the list page's URL may say, besides the page. */
export type CampaignListChange = Partial<Pick<CampaignListQuery, 'page' | 'status' | 'stage' | 'q' | 'sort'>>

/**
 * The user's campaigns, one page at a time, with paging, the filters, the search and the order in
 * the URL. Rendered on the server; then the hub's status announcements keep each row live, and a
 * campaign that appears elsewhere (another tab, the REST API) brings the page up to date.
 */
export function useCampaignList() {
  const route = useRoute()
  const router = useRouter()
  const store = useCampaignStore()
  const request = useRequestFetch()

  const query = computed((): CampaignListQuery => {
    const { page, status, stage, q, sort } = route.query
    const parsed = campaignListQuerySchema.safeParse({ page, status: status || undefined, stage: stage || undefined, q: q || undefined, sort: sort || undefined, pageSize: PAGE_SIZE })
    return parsed.success ? parsed.data : { page: 1, pageSize: PAGE_SIZE, sort: '-created' }
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

  /** Changes part of the query; any change but the page's starts again on page 1. */
  function setQuery(change: CampaignListChange) {
    const { page, status, stage, q, sort } = { ...query.value, page: 1, ...change }
    void router.push({ query: {
      ...(page > 1 && { page: String(page) }),
      ...(status && { status }),
      ...(stage && { stage }),
      ...(q && { q }),
      ...(sort !== '-created' && { sort }),
    } })
  }

  return {
    campaigns: computed(() => store.listedCampaigns),
    listing: computed(() => store.listing),
    query,
    pending: computed(() => status.value === 'pending'),
    error,
    setQuery,
  }
}
