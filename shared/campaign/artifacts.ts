import type { ArtifactMetadata, ArtifactType } from '../artifact-types'
import type { FeedbackCheck } from './feedback-checks'

// The types themselves, their structures and their edits are in shared/artifact-types, one module per type.
export { ARTIFACT_TYPES, ARTIFACT_KINDS, ARTIFACT_TITLES, AGENT_TITLES, artifactKind, variantLocation } from '../artifact-types'
export type { ArtifactType, ArtifactMetadata, ArtifactMetadataOf, ArtifactEditOf, ArtifactEditField } from '../artifact-types'
export type { CopyMetadata } from '../artifact-types/copy/metadata'
export type { ShortCopyMetadata, ShortCopyVariant } from '../artifact-types/short-copy/metadata'
export type { ColourPair, VisualConcept, VisualMetadata } from '../artifact-types/visual/metadata'

/** The seed's `CampaignArtifact`: `content` is readable text, the structure is in `metadata`. */
export interface CampaignArtifact<M = ArtifactMetadata> {
  id: string
  campaignId: string
  type: ArtifactType
  content: string
  metadata: M
  createdAt: string
  agentName: string
}

/** Who wrote it: `offline-writer` is the built-in writer that needs no model. */
export interface ProvenanceMetadata {
  model: string
  iteration: number
  /** Ours, additive: each item of the feedback this version was written for, checked against it. */
  feedbackChecks?: FeedbackCheck[]
  /** Ours, additive: the person who saved this version by editing or restoring, by their display name. */
  editedBy?: string
  /** Ours, additive: the version an edit started from. */
  basedOn?: number
  /** Ours, additive: the version whose content a restore copied. */
  restoredFrom?: number
}

/** The seed's `ArtifactChunk`, sent as text streams in. */
export interface ArtifactChunk {
  campaignId: string
  artifactType: ArtifactType
  chunk: string
  isComplete: boolean
  /**
   * Ours: the chunk's place in its write, 0 for the first and one more for each next one, the final
   * `isComplete` chunk included. A write that starts over (a retry, a revision) starts again at 0.
   */
  sequence: number
}
