import type {
  ArtifactChunk, CampaignArtifact, CampaignStatusSnapshot, ComplianceAuditResult, GenerationError, ReviewDecisionNotice, ReviewFeedbackNotice,
} from '#shared/campaign'

/**
 * Where a run announces what happened, after it is persisted. The hub implements this by
 * sending the seed's events to the campaign's group; tests may record them.
 */
export interface CampaignEvents {
  started(campaignId: string): void
  chunk(chunk: ArtifactChunk): void
  artifactGenerated(artifact: CampaignArtifact): void
  complianceChecked(result: ComplianceAuditResult): void
  completed(campaignId: string): void
  failed(error: GenerationError): void
  /**
   * The campaign's status or stage changed (created, queued, started, completed, failed,
   * cancelled, awaiting review): the new snapshot, for its followers and for its owner's
   * open pages, such as a campaign list that must show a new campaign without a reload.
   */
  statusChanged(ownerId: string, snapshot: CampaignStatusSnapshot): void
  /** A reviewer left feedback: the one new post, for the same audience as a status change. */
  reviewFeedbackReceived(ownerId: string, notice: ReviewFeedbackNotice): void
  /** A reviewer decided on one item, or the owner resolved a decision: for the same audience. */
  reviewDecisionChanged(ownerId: string, notice: ReviewDecisionNotice): void
}
