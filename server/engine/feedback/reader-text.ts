import type { ArtifactMetadata, ArtifactType } from '#shared/campaign'
import { engineKind } from '../artifact-types'

/**
 * What a reader of the artifact sees, without the writer's notes about it: a tone note that says
 * "carries free shipping" must not count as mentioning free shipping.
 */
export function readerText(type: ArtifactType, metadata: unknown): string {
  return engineKind(type).readerText(metadata as ArtifactMetadata)
}
