import type { ArtifactType } from '#shared/campaign'
import { copyEngine } from './copy'
import type { EngineArtifactKind } from './kind'
import { shortCopyEngine } from './short-copy'
import { visualEngine } from './visual'

/**
 * The engine's side of every artifact type (shared/artifact-types has the shared side): a new type
 * is its module and one line here, and the type checker asks for it until it is here.
 */
export const ENGINE_ARTIFACT_KINDS = {
  Copy: copyEngine,
  ShortCopy: shortCopyEngine,
  Visual: visualEngine,
} satisfies { [T in ArtifactType]: EngineArtifactKind<T, unknown> }

/**
 * One type's engine kind, for code that holds an artifact of some type: its metadata must be that
 * type's, which a stored version or a write request (type and metadata together) ensures.
 */
export function engineKind<T extends ArtifactType>(type: T): EngineArtifactKind<T, unknown> {
  return ENGINE_ARTIFACT_KINDS[type] as unknown as EngineArtifactKind<T, unknown>
}

export { ArtifactEditMismatchError } from './edit-mismatch'
export type { AuditedShape, CheckedParts, CheckScope, EngineArtifactKind, Post, Written } from './kind'
