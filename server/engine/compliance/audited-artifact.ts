import type { ArtifactType } from '#shared/campaign'
import { publishedPost } from '../content/published-post'
import { copyMetadataSchema, shortCopyMetadataSchema, visualMetadataSchema, type AuditedCopy, type AuditedShortCopy, type AuditedVisual } from './metadata-schemas'

/** A piece of text the campaign's audience will see, and where it sits in the artifact. */
export interface TextSegment {
  location: string
  text: string
}

/** An artifact ready for the rules: its metadata parsed (or `null` when unusable) and its public text. */
export type AuditedArtifact
  = | { type: 'Copy', content: string, metadata: AuditedCopy | null, segments: TextSegment[] }
    | { type: 'ShortCopy', content: string, metadata: AuditedShortCopy | null, segments: TextSegment[] }
    | { type: 'Visual', content: string, metadata: AuditedVisual | null, segments: TextSegment[] }

export interface ArtifactUnderAudit {
  type: ArtifactType
  content: string
  metadata: unknown
}

export function variantLocation(platform: string, index: number): string {
  return `${platform} variant ${index + 1}`
}

function wholeContent(content: string): TextSegment[] {
  return [{ location: 'content', text: content }]
}

function copySegments(copy: AuditedCopy): TextSegment[] {
  return [
    ...copy.headlines.map((text, index) => ({ location: `headlines[${index}]`, text })),
    { location: 'body.short', text: copy.body.short },
    { location: 'body.medium', text: copy.body.medium },
    { location: 'body.long', text: copy.body.long },
    ...copy.callsToAction.map((text, index) => ({ location: `callsToAction[${index}]`, text })),
  ]
}

function shortCopySegments(shortCopy: AuditedShortCopy): TextSegment[] {
  return shortCopy.platforms.flatMap(({ platform, variants }) =>
    variants.map((variant, index) => ({ location: variantLocation(platform, index), text: publishedPost(variant) })))
}

/** Text placed on the image and the alt text; the image prompt and concept name are instructions, not copy. */
function visualSegments(visual: AuditedVisual): TextSegment[] {
  return visual.concepts.flatMap((concept, index) => [
    ...concept.layout.map((text, position) => ({ location: `concepts[${index}].layout[${position}]`, text })),
    { location: `concepts[${index}].altText`, text: concept.altText.text },
  ])
}

export function toAuditedArtifact(artifact: ArtifactUnderAudit): AuditedArtifact {
  const { content } = artifact
  switch (artifact.type) {
    case 'Copy': {
      const parsed = copyMetadataSchema.safeParse(artifact.metadata)
      return parsed.success
        ? { type: 'Copy', content, metadata: parsed.data, segments: copySegments(parsed.data) }
        : { type: 'Copy', content, metadata: null, segments: wholeContent(content) }
    }
    case 'ShortCopy': {
      const parsed = shortCopyMetadataSchema.safeParse(artifact.metadata)
      return parsed.success
        ? { type: 'ShortCopy', content, metadata: parsed.data, segments: shortCopySegments(parsed.data) }
        : { type: 'ShortCopy', content, metadata: null, segments: wholeContent(content) }
    }
    case 'Visual': {
      const parsed = visualMetadataSchema.safeParse(artifact.metadata)
      return parsed.success
        ? { type: 'Visual', content, metadata: parsed.data, segments: visualSegments(parsed.data) }
        : { type: 'Visual', content, metadata: null, segments: wholeContent(content) }
    }
  }
}
