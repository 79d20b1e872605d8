import type { GenerationError } from '#shared/campaign'
import { CampaignHubEvents as Events, onCampaignHubEvent, type CampaignHubClient } from '#shared/campaign/hub-contract'
import type { useCampaignStore } from '~/stores/campaigns'
import { useReviewDecisionStore } from '~/stores/review-decisions'

/**
 * Feeds every campaign hub event a connection receives into the campaign store, the one binding
 * shared by the owner's pages and the review page: both show the same state the same way.
 */
export function bindCampaignStore(
  connection: CampaignHubClient, store: ReturnType<typeof useCampaignStore>, onFailure: (failure: GenerationError) => void = () => {},
): void {
  onCampaignHubEvent(connection, Events.OnCampaignStatusReceived, snapshot => store.applySnapshot(snapshot))
  onCampaignHubEvent(connection, Events.OnCampaignUpdated, snapshot => store.applySnapshot(snapshot))
  onCampaignHubEvent(connection, Events.OnReviewFeedbackReceived, notice => store.applyReviewFeedbackNotice(notice))
  // Decisions on single items have a store of their own, in the same (the active) Pinia.
  const decisions = useReviewDecisionStore()
  onCampaignHubEvent(connection, Events.OnReviewDecisionChanged, notice => decisions.applyNotice(notice))
  onCampaignHubEvent(connection, Events.OnCampaignStarted, campaignId => store.applyStarted(campaignId))
  onCampaignHubEvent(connection, Events.OnChunkReceived, chunk => store.applyChunk(chunk))
  onCampaignHubEvent(connection, Events.OnArtifactGenerated, artifact => store.applyArtifact(artifact))
  onCampaignHubEvent(connection, Events.OnComplianceCheckCompleted, result => store.applyCompliance(result))
  onCampaignHubEvent(connection, Events.OnCampaignCompleted, campaignId => store.applyCompleted(campaignId))
  onCampaignHubEvent(connection, Events.OnGenerationFailed, (failure) => {
    store.applyFailure(failure)
    onFailure(failure)
  })
}
