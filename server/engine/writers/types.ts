import type { BriefCheck } from '#shared/brief-contract'
import type { ArtifactMetadata, ArtifactType, CampaignBrief } from '#shared/campaign'
import type { Written } from '../artifact-types'

export interface WriteRequest {
  campaignId: string
  brief: CampaignBrief
  /** The checks stored with the campaign, which the writer honours where it can; read from the brief when absent. */
  checks?: readonly BriefCheck[]
  type: ArtifactType
  /** 1 for the first version, +1 per regeneration or revision. */
  iteration: number
  /** The marketer's feedback and the audit's recommendations that this version must address (may be empty). */
  feedback: string[]
  tags: string[]
  signal: AbortSignal
  /** Called with each piece of readable text as it is written, in order; concatenated they equal `content`. */
  onText: (chunk: string) => void
}

export type WrittenMetadata = Written<ArtifactMetadata>

export interface WrittenArtifact { content: string, metadata: WrittenMetadata }

export interface ArtifactWriter {
  /** Recorded as metadata.model, e.g. "offline-writer". */
  readonly model: string
  write(request: WriteRequest): Promise<WrittenArtifact>
}
