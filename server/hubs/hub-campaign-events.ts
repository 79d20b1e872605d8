import type {
  ArtifactChunk, CampaignArtifact, CampaignStatusSnapshot, ComplianceAuditResult, GenerationError, ReviewDecisionNotice, ReviewFeedbackNotice,
} from '#shared/campaign'
import { CampaignHubEvents, type CampaignHubEventArguments, type CampaignHubEventName } from '#shared/campaign/hub-contract'
import type { CampaignEvents } from '../engine/orchestrator/campaign-events'
import type { Audience } from '../signalr/lifetime/lifetime-manager'
import type { ServerClients } from '../signalr/server-clients'
import { campaignGroup, campaignWatchersGroup, ownerWatchersGroup } from './campaign-group'

/**
 * Sends what a run announces to the connections that asked for it: the seed's events to the
 * campaign's group; snapshots and reviewer posts, under names of their own, to watchers only,
 * so the seed's client code never hears an event it has no handler for.
 */
export class HubCampaignEvents implements CampaignEvents {
  constructor(private readonly clients: ServerClients) {}

  started(campaignId: string): void {
    this.toGroup(campaignId, CampaignHubEvents.OnCampaignStarted, campaignId)
  }

  chunk(chunk: ArtifactChunk): void {
    this.toGroup(chunk.campaignId, CampaignHubEvents.OnChunkReceived, chunk)
  }

  artifactGenerated(artifact: CampaignArtifact): void {
    this.toGroup(artifact.campaignId, CampaignHubEvents.OnArtifactGenerated, artifact)
  }

  complianceChecked(result: ComplianceAuditResult): void {
    this.toGroup(result.campaignId, CampaignHubEvents.OnComplianceCheckCompleted, result)
  }

  completed(campaignId: string): void {
    this.toGroup(campaignId, CampaignHubEvents.OnCampaignCompleted, campaignId)
  }

  failed(error: GenerationError): void {
    this.toGroup(error.campaignId, CampaignHubEvents.OnGenerationFailed, error)
  }

  statusChanged(ownerId: string, snapshot: CampaignStatusSnapshot): void {
    this.send(watchers(snapshot.campaignId, ownerId), CampaignHubEvents.OnCampaignUpdated, snapshot)
  }

  reviewFeedbackReceived(ownerId: string, notice: ReviewFeedbackNotice): void {
    this.send(watchers(notice.campaignId, ownerId), CampaignHubEvents.OnReviewFeedbackReceived, notice)
  }

  reviewDecisionChanged(ownerId: string, notice: ReviewDecisionNotice): void {
    this.send(watchers(notice.campaignId, ownerId), CampaignHubEvents.OnReviewDecisionChanged, notice)
  }

  private toGroup<E extends CampaignHubEventName>(campaignId: string, event: E, ...args: CampaignHubEventArguments[E]): void {
    this.send({ kind: 'groups', groups: [campaignGroup(campaignId)] }, event, ...args)
  }

  private send<E extends CampaignHubEventName>(audience: Audience, event: E, ...args: CampaignHubEventArguments[E]): void {
    void this.clients.audience(audience).send(event, ...args)
  }
}

/** Watchers of the campaign, and its owner's watching connections (a campaign list), each reached once. */
function watchers(campaignId: string, ownerId: string): Audience {
  return { kind: 'groups', groups: [campaignWatchersGroup(campaignId), ownerWatchersGroup(ownerId)] }
}
