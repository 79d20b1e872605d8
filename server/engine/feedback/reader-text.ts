import type { ArtifactType, CopyMetadata, ShortCopyMetadata, VisualMetadata } from '#shared/campaign'
import { publishedPost } from '../content/published-post'

/**
 * What a reader of the artifact sees, without the writer's notes about it: a tone note that says
 * "carries free shipping" must not count as mentioning free shipping.
 */
export function readerText(type: ArtifactType, metadata: unknown): string {
  switch (type) {
    case 'Copy': {
      const copy = metadata as CopyMetadata
      return [...copy.headlines, copy.body.short, copy.body.medium, copy.body.long, ...copy.callsToAction].join('\n')
    }
    case 'ShortCopy':
      return (metadata as ShortCopyMetadata).platforms.flatMap(entry => entry.variants.map(publishedPost)).join('\n')
    case 'Visual':
      return (metadata as VisualMetadata).concepts.flatMap(concept => [...concept.layout, concept.altText.text, concept.imagePrompt]).join('\n')
  }
}
