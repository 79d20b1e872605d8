import type { CopyMetadata, ShortCopyMetadata, VisualMetadata } from '../campaign/artifacts'
import type { ReviewItem } from '../campaign/review-decisions'
import { publishedPost } from './published-post'

/**
 * The text a reviewer can read of one item of an artifact version, in the order the page shows it:
 * every post of a short copy or one post, every field of a copy, every concept of a visual.
 * `undefined` when the version has no such post.
 */
export function reviewItemText(artifact: { metadata: unknown }, item: ReviewItem): string | undefined {
  switch (item.artifactType) {
    case 'Copy': {
      const copy = artifact.metadata as Partial<CopyMetadata>
      return [...copy.headlines ?? [], copy.body?.short, copy.body?.medium, copy.body?.long, ...copy.callsToAction ?? []].filter(Boolean).join('\n')
    }
    case 'ShortCopy': {
      const platforms = (artifact.metadata as Partial<ShortCopyMetadata>).platforms ?? []
      if (item.platform === null || item.postIndex === null) return platforms.flatMap(entry => entry.variants.map(publishedPost)).join('\n')
      const variant = platforms.find(entry => entry.platform === item.platform)?.variants[item.postIndex]
      return variant ? publishedPost(variant) : undefined
    }
    case 'Visual':
      return ((artifact.metadata as Partial<VisualMetadata>).concepts ?? [])
        .flatMap(concept => [concept.name, ...concept.layout, concept.altText.text, concept.imagePrompt]).join('\n')
  }
}

/** Runs of white space as one space: a selection in the browser breaks lines where the page does. */
const collapsed = (text: string) => text.replace(/\s+/gu, ' ').trim()

/** Whether `quote` is a passage of `text`, ignoring how white space is laid out. */
export function quotesText(text: string, quote: string): boolean {
  return collapsed(text).includes(collapsed(quote))
}
