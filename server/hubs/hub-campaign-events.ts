import type {
  ArtifactChunk, CampaignArtifact, CampaignStatusSnapshot, ComplianceAuditResult, GenerationError, ReviewFeedbackNotice,
} from '../../shared/campaign'
import type { CampaignEvents } from '../engine/orchestrator/campaign-events'
import type { ServerClients } from '../signalr/server-clients'
import { campaignGroup } from './campaign-group'

/** The seed's server → client events, each sent to the campaign's group only, one argument each. */
export class HubCampaignEvents implements CampaignEvents {
  constructor(private readonly clients: ServerClients) {}

  started(campaignId: string): void {
    this.send(campaignId, 'OnCampaignStarted', campaignId)
  }

  chunk(chunk: ArtifactChunk): void {
    this.send(chunk.campaignId, 'OnChunkReceived', chunk)
  }

  artifactGenerated(artifact: CampaignArtifact): void {
    this.send(artifact.campaignId, 'OnArtifactGenerated', artifact)
  }

  complianceChecked(result: ComplianceAuditResult): void {
    this.send(result.campaignId, 'OnComplianceCheckCompleted', result)
  }

  completed(campaignId: string): void {
    this.send(campaignId, 'OnCampaignCompleted', campaignId)
  }

  failed(error: GenerationError): void {
    this.send(error.campaignId, 'OnGenerationFailed', error)
  }

  statusChanged(ownerId: string, snapshot: CampaignStatusSnapshot): void {
    void this.clients.audience(followersAndOwner(snapshot.campaignId, ownerId)).send('OnCampaignStatusReceived', snapshot)
  }

  reviewFeedbackReceived(ownerId: string, notice: ReviewFeedbackNotice): void {
    void this.clients.audience(followersAndOwner(notice.campaignId, ownerId)).send('OnReviewFeedbackReceived', notice)
  }

  private send(campaignId: string, event: string, payload: unknown): void {
    void this.clients.group(campaignGroup(campaignId)).send(event, payload)
  }
}

/** Followers of the campaign, and the owner's other pages (a campaign list) that have not joined it. */
function followersAndOwner(campaignId: string, ownerId: string) {
  return { kind: 'union' as const, audiences: [{ kind: 'groups' as const, groups: [campaignGroup(campaignId)] }, { kind: 'users' as const, userIds: [ownerId] }] }
}
