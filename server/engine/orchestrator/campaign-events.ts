import type { ArtifactChunk, CampaignArtifact, CampaignStatusSnapshot, ComplianceAuditResult, GenerationError } from '../../../shared/campaign'

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
  /** A state change no seed event describes (cancelled, awaiting review): the new snapshot. */
  statusChanged(snapshot: CampaignStatusSnapshot): void
}
