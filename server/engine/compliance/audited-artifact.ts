import type { z } from 'zod'
import type { ArtifactType } from '#shared/campaign'
import type { ENGINE_ARTIFACT_KINDS, AuditedShape } from '../artifact-types'
import { engineKind } from '../artifact-types'

export { variantLocation } from '#shared/campaign'

/** A piece of text the campaign's audience will see, and where it sits in the artifact. */
export interface TextSegment {
  location: string
  text: string
}

/** One type's metadata as the audit reads it. */
export type AuditedMetadataOf<T extends ArtifactType> = z.output<(typeof ENGINE_ARTIFACT_KINDS)[T]['audit']['schema']>

/** An artifact ready for the rules: its metadata parsed (or `null` when unusable) and its public text. */
export type AuditedArtifact = { [T in ArtifactType]: { type: T } & AuditedShape<AuditedMetadataOf<T>> }[ArtifactType]

export interface ArtifactUnderAudit {
  type: ArtifactType
  content: string
  metadata: unknown
}

export function toAuditedArtifact(artifact: ArtifactUnderAudit): AuditedArtifact {
  const { type, content } = artifact
  const { audit } = engineKind(type)
  const parsed = audit.schema.safeParse(artifact.metadata)
  const audited = parsed.success
    ? { type, content, metadata: parsed.data, segments: audit.segments(parsed.data) }
    : { type, content, metadata: null, segments: [{ location: 'content', text: content }] }
  return audited as AuditedArtifact
}
