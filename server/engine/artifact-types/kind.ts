import type { z } from 'zod'
import type { BriefCheck, CheckOf } from '#shared/brief-contract'
import type { ArtifactEditOf, ArtifactMetadataOf, ArtifactType, CampaignBrief, Platform } from '#shared/campaign'
import type { TextSegment } from '../compliance/audited-artifact'
import type { Finding } from '../compliance/rule'
import type { WritingContext } from '../writers/offline/writing-context'

/** What a writer or an edit hands back: the structure without the provenance the run adds. */
export type Written<M> = Omit<M, 'model' | 'iteration'>

export interface Post extends TextSegment {
  platform: Platform
}

/**
 * Which of the brief's checks the type's writing must meet, by kind, so a new kind of check asks
 * every type: the model is given these as instructions, and the audit judges them afterwards.
 */
export type CheckScope = { [K in BriefCheck['kind']]: (check: CheckOf<K>) => boolean }

/** An artifact as the audit holds it: its metadata read leniently (`null` when unusable) and its public text. */
export interface AuditedShape<A> {
  content: string
  metadata: A | null
  segments: TextSegment[]
}

/** The parts of an artifact that the brief's checks read; a part the type does not have is empty. */
export interface CheckedParts {
  /** Each social post as it would be published. */
  posts: Post[]
  /** The long-form bodies, where lengths, disclaimers and readability are judged. */
  bodies: TextSegment[]
  headlines: TextSegment[]
  callsToAction: TextSegment[]
  altText: TextSegment[]
  /** The units a "must carry X" or "link to Y" check is judged on, each as a whole. */
  readingUnits: TextSegment[]
  /** Where a call to action must contain the brief's words or link. */
  callToActionUnits: TextSegment[]
  /** Where the brand's own name is expected (a short post may name the product alone). */
  brandNameUnits: TextSegment[]
}

/**
 * What the engine knows of one artifact type: each type has one module in
 * `server/engine/artifact-types/<type>/`, listed once in `ENGINE_ARTIFACT_KINDS` (./index.ts).
 * `A` is the metadata as the audit reads it.
 */
export interface EngineArtifactKind<T extends ArtifactType, A> {
  /** `CampaignArtifact.agentName` of every version a writer makes. */
  agentName: string
  /** The readable `content`, from the structure. */
  render(metadata: Written<ArtifactMetadataOf<T>>): string
  /** The built-in writer's structure for the brief. */
  writeOffline(context: WritingContext, brief: CampaignBrief): Written<ArtifactMetadataOf<T>>
  model: {
    /** What to write, as instructions. */
    task(brief: CampaignBrief): string
    /** The brief's checks this type's writing must meet. */
    checks: CheckScope
    /** The JSON the answer ends with, as an example of its shape. */
    shape(brief: CampaignBrief): unknown
    /** The answer's JSON checked, cleaned and finished (counts, hashtags, contrast computed by us). */
    readDraft(value: unknown, brief: CampaignBrief): { ok: true, metadata: Written<ArtifactMetadataOf<T>> } | { ok: false, error: z.ZodError }
  }
  audit: {
    /** Accepts anything shaped like the metadata, ignoring extra fields. */
    schema: z.ZodType<A>
    /** The text the campaign's audience will see, and where it sits. */
    segments(metadata: A): TextSegment[]
    /** What a complete artifact has, as the structure rule explains it ("visuals with 2 concepts, …"). */
    completeness: string
    /** What a complete artifact has and this one lacks. */
    gaps(metadata: A, brief: CampaignBrief): Finding[]
    /** The finding when the metadata cannot be read at all. */
    unreadable: string
    parts(artifact: AuditedShape<A>): CheckedParts
  }
  /** What a reader sees, without the writer's notes about it (feedback is checked against this). */
  readerText(metadata: ArtifactMetadataOf<T>): string
  /**
   * A person's edit of `base`: their text, the rest of `base`, and what follows from the text worked
   * out as for a writer's draft. Throws `ArtifactEditMismatchError` when the edit does not fit `base`.
   */
  applyEdit(brief: CampaignBrief, base: Partial<ArtifactMetadataOf<T>>, edit: ArtifactEditOf<T>): Written<ArtifactMetadataOf<T>>
}

/** Fixes a kind's type while letting its audited metadata type be inferred from its schema. */
export const defineEngineKind = <T extends ArtifactType>() => <A>(kind: EngineArtifactKind<T, A>) => kind
