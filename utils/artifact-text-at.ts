import { artifactKind, type ArtifactType } from '#shared/campaign'

/**
 * The text at one of the audit's locations in an artifact ("body.short", "linkedin variant 2",
 * "concepts[0].altText"), as the audit read it; `undefined` when the artifact has no such place. A test
 * holds these to the audit's own locations.
 */
export function artifactTextAt(artifact: { type: ArtifactType, metadata: unknown }, location: string): string | undefined {
  return artifactKind(artifact.type).textAt(artifact.metadata as object, location)
}
