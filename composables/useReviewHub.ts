import type {
  CampaignArtifact, CampaignStatusSnapshot, ComplianceAuditResult, ReviewFeedback, ReviewFeedbackNotice, ReviewView,
} from '#shared/campaign'
import { CampaignHubEvents as Events, CampaignHubMethods as Methods, invokeCampaignHub, onCampaignHubEvent } from '#shared/campaign/hub-contract'
import type { HubTokenResponse } from '#shared/types/account'
import { mergeReviewFeedback } from '#shared/utils/merge-review-feedback'
import { buildCampaignHubConnection, type CampaignHubConnection } from './useCampaignHub'

type ReviewCampaign = ReviewView['campaign']

/** `campaign` with `items` added to its feedback: posts are only ever added, so the largest count seen is the latest. */
export function withReviewFeedback(campaign: ReviewCampaign, items: ReviewFeedback[], totalCount = 0): ReviewCampaign {
  const reviewFeedback = mergeReviewFeedback(campaign.reviewFeedback, items)
  return { ...campaign, reviewFeedback, reviewFeedbackCount: Math.max(campaign.reviewFeedbackCount, totalCount, reviewFeedback.length) }
}

/**
 * Follows the reviewed campaign live, read-only, with a hub token scoped to it (fetched afresh for
 * every connection through the review link). Keeps `campaign` current; `ended` turns true when the
 * server closes the connection because the link was revoked or has expired.
 */
export function useReviewHub(token: string, campaign: Ref<ReviewCampaign | null>) {
  const live = ref(false)
  const ended = ref(false)
  let connection: CampaignHubConnection | null = null

  function applySnapshot(snapshot: CampaignStatusSnapshot): void {
    if (!campaign.value) return
    const { reviewFeedback, reviewFeedbackCount, ...fields } = snapshot
    campaign.value = withReviewFeedback({ ...campaign.value, ...fields }, reviewFeedback, reviewFeedbackCount)
  }

  function applyFeedback(notice: ReviewFeedbackNotice): void {
    if (campaign.value) campaign.value = withReviewFeedback(campaign.value, [notice.feedback], notice.totalCount)
  }

  function applyArtifact(artifact: CampaignArtifact): void {
    if (!campaign.value) return
    const others = campaign.value.artifacts.filter(existing => existing.type !== artifact.type)
    campaign.value = { ...campaign.value, artifacts: [...others, artifact] }
  }

  function applyAudit(audit: ComplianceAuditResult): void {
    if (campaign.value) campaign.value = { ...campaign.value, compliance: audit }
  }

  async function follow(): Promise<void> {
    const id = campaign.value?.campaignId
    if (!connection || !id) return
    await invokeCampaignHub(connection, Methods.JoinCampaignGroup, id)
    await invokeCampaignHub(connection, Methods.WatchCampaign, id)
    // Whatever changed between the page render and joining arrives as one snapshot.
    await invokeCampaignHub(connection, Methods.RequestCampaignStatus, id)
    live.value = true
  }

  onMounted(async () => {
    // Nothing to follow: a hub token would only spend the visitor's budget on a link that did not open.
    if (!campaign.value) return
    connection = await buildCampaignHubConnection('/hubs/campaign', async () => (await $fetch<HubTokenResponse>(`/api/review/${token}/hub-token`, { method: 'POST' })).accessToken)
    onCampaignHubEvent(connection, Events.OnCampaignStatusReceived, applySnapshot)
    onCampaignHubEvent(connection, Events.OnCampaignUpdated, applySnapshot)
    onCampaignHubEvent(connection, Events.OnArtifactGenerated, applyArtifact)
    onCampaignHubEvent(connection, Events.OnComplianceCheckCompleted, applyAudit)
    onCampaignHubEvent(connection, Events.OnReviewFeedbackReceived, applyFeedback)
    connection.onreconnecting(() => {
      live.value = false
    })
    connection.onreconnected(() => follow().catch(() => undefined))
    connection.onclose((error) => {
      live.value = false
      if (error) ended.value = true
    })
    try {
      await connection.start()
      await follow()
    }
    catch {
      // The page still shows the campaign as rendered; only the live updates are missing.
      live.value = false
    }
  })

  onBeforeUnmount(() => {
    void connection?.stop()
  })

  return { live, ended }
}
