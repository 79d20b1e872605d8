import type {
  ArtifactEdit, ArtifactMetadata, ArtifactType, CampaignBrief, CopyMetadata, ProvenanceMetadata, ShortCopyMetadata, VisualMetadata,
} from '#shared/campaign'
import { finishShortCopy, finishVisualConcepts, renderCopy, renderShortCopy, renderVisual } from '../content'

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

/** An edit that does not fit the version it edits (another type, other platforms, another number of concepts). */
export class ArtifactEditMismatchError extends Error {
  constructor(readonly field: string, message: string) {
    super(message)
  }
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
  switch (edit.type) {
    case 'Copy': {
      const { toneNote } = base.metadata as Partial<CopyMetadata>
      const metadata: CopyMetadata = { ...origin, headlines: edit.headlines, body: edit.body, callsToAction: edit.callsToAction, toneNote: toneNote ?? '' }
      return { content: renderCopy(metadata), metadata }
    }
    case 'ShortCopy': {
      const stored = ((base.metadata as Partial<ShortCopyMetadata>).platforms ?? []).map(entry => entry.platform)
      const sent = edit.platforms.map(entry => entry.platform)
      if (stored.join() !== sent.join()) {
        throw new ArtifactEditMismatchError('platforms', `Send the posts of ${stored.join(', ') || 'no platform'}, in that order: an edit changes the posts, not the platforms.`)
      }
      const metadata: ShortCopyMetadata = { ...origin, platforms: finishShortCopy(brief, edit.platforms) }
      return { content: renderShortCopy(metadata), metadata }
    }
    case 'Visual': {
      const concepts = (base.metadata as Partial<VisualMetadata>).concepts ?? []
      if (concepts.length !== edit.concepts.length) {
        throw new ArtifactEditMismatchError('concepts', `Send all ${concepts.length} concepts: an edit changes their text, not how many there are.`)
      }
      const metadata: VisualMetadata = {
        ...origin,
        concepts: finishVisualConcepts(brief, edit.concepts.map((concept, index) => ({ ...concept, palette: concepts[index]!.palette }))),
      }
      return { content: renderVisual(metadata), metadata }
    }
  }
}

/** A new version with the content of `source`, saying which version it restores and who restored it. */
export function restoredVersion(source: StoredVersion, iteration: number, editedBy: string): PersonMadeVersion {
  const { feedbackChecks: _checks, basedOn: _basedOn, restoredFrom: _restoredFrom, ...rest } = source.metadata as ArtifactMetadata & ProvenanceMetadata
  return {
    content: source.content,
    metadata: { ...rest, ...provenance(source.metadata, iteration, editedBy), restoredFrom: source.iteration } as ArtifactMetadata,
  }
}
