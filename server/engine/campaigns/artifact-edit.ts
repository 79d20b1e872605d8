import type { ArtifactEdit, ArtifactMetadata, ArtifactType, CampaignBrief, ProvenanceMetadata } from '#shared/campaign'
import { ArtifactEditMismatchError, engineKind } from '../artifact-types'

export { ArtifactEditMismatchError }

/** A version a person made: its readable text and its structure. */
export interface PersonMadeVersion {
  content: string
  metadata: ArtifactMetadata
}

/** The version a person edits or restores, as stored. */
export interface StoredVersion {
  type: ArtifactType
  iteration: number
  content: string
  metadata: ArtifactMetadata
}

/** The writer's provenance, without what described how the earlier version came to be. */
function provenance(base: ArtifactMetadata, iteration: number, editedBy: string): ProvenanceMetadata {
  const { model } = base as ProvenanceMetadata
  return { model: model ?? 'unknown', iteration, editedBy }
}

/**
 * The new version an edit makes of `base`: the person's text, the rest of `base` (tone note, palette,
 * platforms), and whatever follows from the text (post lengths, hashtag policy, contrast, readable
 * content) worked out by the same finishers as a writer's draft.
 */
export function editedVersion(brief: CampaignBrief, base: StoredVersion, edit: ArtifactEdit, iteration: number, editedBy: string): PersonMadeVersion {
  if (edit.type !== base.type) throw new ArtifactEditMismatchError('type', `This artifact is ${base.type}, not ${edit.type}.`)
  const origin = { ...provenance(base.metadata, iteration, editedBy), basedOn: base.iteration }
  const kind = engineKind(edit.type)
  const written = kind.applyEdit(brief, base.metadata, edit)
  return { content: kind.render(written), metadata: { ...origin, ...written } as ArtifactMetadata }
}

/** A new version with the content of `source`, saying which version it restores and who restored it. */
export function restoredVersion(source: StoredVersion, iteration: number, editedBy: string): PersonMadeVersion {
  const { feedbackChecks: _checks, basedOn: _basedOn, restoredFrom: _restoredFrom, ...rest } = source.metadata as ArtifactMetadata & ProvenanceMetadata
  return {
    content: source.content,
    metadata: { ...rest, ...provenance(source.metadata, iteration, editedBy), restoredFrom: source.iteration } as ArtifactMetadata,
  }
}
