import type { CampaignArtifact, CampaignDetail, ComplianceAuditResult } from '#shared/campaign'
import { useCampaignStore } from '~/stores/campaigns'

/**
 * One campaign with its current artifacts and latest audit: rendered on the server from REST,
 * then followed live through the hub (whose first snapshot confirms or corrects it).
 */
export function useCampaignDetail(id: MaybeRefOrGetter<string>) {
  const store = useCampaignStore()
  const request = useRequestFetch()
  const path = () => `/api/campaigns/${encodeURIComponent(toValue(id))}`

  const { error, status } = useAsyncData(() => `campaign-${toValue(id)}`, async () => {
    const [detail, { artifacts }] = await Promise.all([
      request<CampaignDetail>(path()),
      request<{ artifacts: CampaignArtifact[] }>(`${path()}/artifacts`),
    ])
    // Asked for only once there is one: a campaign not audited yet answers 404.
    const compliance = detail.complianceStatus === 'NotAudited' ? null : await request<ComplianceAuditResult>(`${path()}/compliance`)
    store.applySnapshot({ ...detail, campaignId: detail.id, artifacts, compliance })
    store.applyDetail(detail)
    return detail.id
  })

  const hub = useCampaignHub(id)
  const campaign = computed(() => store.campaigns[toValue(id)])

  return {
    campaign,
    artifacts: computed(() => store.currentArtifacts(toValue(id))),
    streams: computed(() => store.streams[toValue(id)] ?? {}),
    compliance: computed(() => store.compliance[toValue(id)] ?? null),
    stage: computed(() => (campaign.value ? store.displayStage(campaign.value) : null)),
    connection: hub.state,
    error,
    pending: computed(() => status.value === 'pending'),
  }
}
