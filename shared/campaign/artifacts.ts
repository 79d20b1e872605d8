import type { Platform } from './brief'
import type { FeedbackCheck } from './feedback-checks'

export const ARTIFACT_TYPES = ['Copy', 'ShortCopy', 'Visual'] as const
export type ArtifactType = (typeof ARTIFACT_TYPES)[number]

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

export interface CopyMetadata extends ProvenanceMetadata {
  headlines: string[]
  body: { short: string, medium: string, long: string }
  callsToAction: string[]
  toneNote: string
}

export interface ShortCopyVariant {
  text: string
  hashtags: string[]
  /** Counted by the platform's own rule (X: weighted characters). */
  characterCount: number
  limit: number
  overLimit: boolean
}

export interface ShortCopyMetadata extends ProvenanceMetadata {
  platforms: Array<{ platform: Platform, variants: ShortCopyVariant[] }>
}

export interface ColourPair {
  foreground: string
  background: string
  /** WCAG 2 contrast ratio, e.g. 4.5 for 4.5:1. */
  ratio: number
  passesAA: boolean
}

export interface VisualConcept {
  name: string
  palette: Array<{ hex: string, role: 'background' | 'text' | 'accent' }>
  /** Layout hierarchy, most prominent element first. */
  layout: string[]
  altText: { subject: string, purpose: string, mood: string, text: string }
  imagePrompt: string
  contrast: ColourPair[]
}

export interface VisualMetadata extends ProvenanceMetadata {
  concepts: VisualConcept[]
}

export type ArtifactMetadata = CopyMetadata | ShortCopyMetadata | VisualMetadata

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
