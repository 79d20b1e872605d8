import { z } from '../../schemas/zod'
import type { ProvenanceMetadata } from '../../campaign/artifacts'
import { provenanceFields } from '../provenance-schema'

export interface ColourPair {
  foreground: string
  background: string
  /** WCAG 2 contrast ratio, e.g. 4.5 for 4.5:1. */
  ratio: number
  passesAA: boolean
}

export interface VisualConcept {
  name: string
  palette: Array<{ hex: string, role: 'background' | 'text' | 'accent' }>
  /** Layout hierarchy, most prominent element first. */
  layout: string[]
  altText: { subject: string, purpose: string, mood: string, text: string }
  imagePrompt: string
  contrast: ColourPair[]
}

export interface VisualMetadata extends ProvenanceMetadata {
  concepts: VisualConcept[]
}

export const visualMetadataSchema = z.object({
  ...provenanceFields,
  concepts: z.array(z.object({
    name: z.string(),
    palette: z.array(z.object({ hex: z.string(), role: z.enum(['background', 'text', 'accent']) })),
    layout: z.array(z.string()),
    altText: z.object({ subject: z.string(), purpose: z.string(), mood: z.string(), text: z.string() }),
    imagePrompt: z.string(),
    contrast: z.array(z.object({ foreground: z.string(), background: z.string(), ratio: z.number(), passesAA: z.boolean() })),
  })),
}) satisfies z.ZodType<VisualMetadata>
