import type { ArtifactType, CopyMetadata, ShortCopyMetadata, VisualMetadata } from '#shared/campaign'
import { publishedPost } from '#shared/utils/published-post'

/**
 * The text at one of the audit's locations in an artifact ("body.short", "linkedin variant 2",
 * "concepts[0].altText"), as the audit read it; `undefined` when the artifact has no such place. A test
 * holds these to the audit's own locations.
 */
export function artifactTextAt(artifact: { type: ArtifactType, metadata: unknown }, location: string): string | undefined {
  switch (artifact.type) {
    case 'Copy': {
      const copy = artifact.metadata as Partial<CopyMetadata>
      const indexed = /^(headlines|callsToAction)\[(\d+)\]$/u.exec(location)
      if (indexed) return copy[indexed[1] as 'headlines' | 'callsToAction']?.[Number(indexed[2])]
      const body = /^body\.(short|medium|long)$/u.exec(location)?.[1] as keyof CopyMetadata['body'] | undefined
      return body ? copy.body?.[body] : undefined
    }
    case 'ShortCopy': {
      const post = /^(\S+) variant (\d+)$/u.exec(location)
      if (!post) return undefined
      const variant = (artifact.metadata as Partial<ShortCopyMetadata>).platforms?.find(entry => entry.platform === post[1])?.variants[Number(post[2]) - 1]
      return variant ? publishedPost(variant) : undefined
    }
    case 'Visual': {
      const part = /^concepts\[(\d+)\]\.(?:layout\[(\d+)\]|(altText))$/u.exec(location)
      const concept = part ? (artifact.metadata as Partial<VisualMetadata>).concepts?.[Number(part[1])] : undefined
      if (!part || !concept) return undefined
      return part[3] ? concept.altText.text : concept.layout[Number(part[2])]
    }
  }
}
