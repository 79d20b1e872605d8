import { z } from 'zod'
import type { TextSegment } from '../../compliance/audited-artifact'
import type { Finding } from '../../compliance/rule'
import { missing } from '../../compliance/structure-gaps'
import type { AuditedShape, CheckedParts } from '../kind'

export const FEWEST_VISUAL_CONCEPTS = 2

const text = z.string()

export const auditedVisualSchema = z.object({
  concepts: z.array(z.object({
    name: text.default(''),
    palette: z.array(z.object({ hex: text, role: z.enum(['background', 'text', 'accent']) })).default([]),
    layout: z.array(text).default([]),
    altText: z.object({
      subject: text.default(''),
      purpose: text.default(''),
      mood: text.default(''),
      text: text.default(''),
    }).default({ subject: '', purpose: '', mood: '', text: '' }),
    imagePrompt: text.default(''),
  })),
})
export type AuditedVisual = z.output<typeof auditedVisualSchema>

export const visualAudit = {
  schema: auditedVisualSchema,
  /** Text placed on the image and the alt text; the image prompt and concept name are instructions, not copy. */
  segments: (visual: AuditedVisual): TextSegment[] => visual.concepts.flatMap((concept, index) => [
    ...concept.layout.map((text, position) => ({ location: `concepts[${index}].layout[${position}]`, text })),
    { location: `concepts[${index}].altText`, text: concept.altText.text },
  ]),
  completeness: `visuals with ${FEWEST_VISUAL_CONCEPTS} concepts, each with palette, layout and prompt`,
  gaps(visual: AuditedVisual): Finding[] {
    const gaps: Finding[] = []
    if (visual.concepts.length < FEWEST_VISUAL_CONCEPTS) gaps.push(missing('concepts', `Fewer than ${FEWEST_VISUAL_CONCEPTS} concepts.`))
    visual.concepts.forEach((concept, index) => {
      const at = `concepts[${index}]`
      const roles = new Set(concept.palette.map(swatch => swatch.role))
      if (!roles.has('text') || !roles.has('background')) gaps.push(missing(`${at}.palette`, 'The palette names no text colour on a background colour.'))
      if (concept.layout.length === 0) gaps.push(missing(`${at}.layout`, 'No layout hierarchy.'))
      if (concept.imagePrompt.trim() === '') gaps.push(missing(`${at}.imagePrompt`, 'No image-generation prompt.'))
    })
    return gaps
  },
  unreadable: 'The visual has no readable structure.',
  // The visual carries no text a "must carry X" check reads: only its alt text has a length to keep.
  parts: (artifact: AuditedShape<AuditedVisual>): CheckedParts => ({
    posts: [],
    bodies: [],
    headlines: [],
    callsToAction: [],
    altText: artifact.metadata ? artifact.metadata.concepts.map((concept, index) => ({ location: `concepts[${index}].altText`, text: concept.altText.text })) : [],
    readingUnits: [],
    callToActionUnits: [],
    brandNameUnits: [],
  }),
}
