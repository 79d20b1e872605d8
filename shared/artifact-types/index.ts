import type { z } from '../schemas/zod'
import { copyKind } from './copy'
import type { SharedArtifactKind } from './kind'
import { shortCopyKind } from './short-copy'
import { visualKind } from './visual'

/**
 * Every artifact type, in the order pages, exports and runs take them: a new type is its module
 * and one line here. Its key is the type's name on the wire (`CampaignArtifact.type`); the engine's
 * (server/engine/artifact-types) and the page's (components/artifact/artifact-views.ts) registries
 * must then name it too, or the type checker says so.
 */
export const ARTIFACT_KINDS = {
  Copy: copyKind,
  ShortCopy: shortCopyKind,
  Visual: visualKind,
} as const

export type ArtifactType = keyof typeof ARTIFACT_KINDS
export const ARTIFACT_TYPES = Object.keys(ARTIFACT_KINDS) as [ArtifactType, ...ArtifactType[]]

/** The structure (`CampaignArtifact.metadata`) of one type. */
export type ArtifactMetadataOf<T extends ArtifactType> = (typeof ARTIFACT_KINDS)[T] extends SharedArtifactKind<infer M, infer _E> ? M : never
export type ArtifactMetadata = ArtifactMetadataOf<ArtifactType>

/** A person's edit of one type. */
export type ArtifactEditOf<T extends ArtifactType> = z.output<(typeof ARTIFACT_KINDS)[T]['editSchema']>

type AnyKind = (typeof ARTIFACT_KINDS)[ArtifactType]

/**
 * One type's kind, typed by its metadata so callers that hold an artifact of some type can use it; the
 * metadata must be that type's, which `CampaignArtifact` (type and metadata from the same version) ensures.
 */
export function artifactKind<T extends ArtifactType>(type: T): SharedArtifactKind<ArtifactMetadataOf<T>, AnyKind['editSchema']> {
  return ARTIFACT_KINDS[type] as unknown as SharedArtifactKind<ArtifactMetadataOf<T>, AnyKind['editSchema']>
}

/** Each type's `title` ("Short copy"), for pages and exports. */
export const ARTIFACT_TITLES = Object.fromEntries(ARTIFACT_TYPES.map(type => [type, ARTIFACT_KINDS[type].title])) as Record<ArtifactType, string>

/** Each type's `agentTitle` ("Social writer"). */
export const AGENT_TITLES = Object.fromEntries(ARTIFACT_TYPES.map(type => [type, ARTIFACT_KINDS[type].agentTitle])) as Record<ArtifactType, string>

export { ARTIFACT_LIMITS, CONTROL_CHARACTERS, postTextLimit } from './edit-schema-parts'
export type { ArtifactEditField, SharedArtifactKind } from './kind'
export { variantLocation } from './short-copy/metadata'
