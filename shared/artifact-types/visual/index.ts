import { z } from '../../schemas/zod'
import { markdownBlock, markdownInline } from '../../utils/markdown-text'
import { ARTIFACT_LIMITS as L, basedOn, distinct, editedField, editedList } from '../edit-schema-parts'
import { defineArtifactKind, editField } from '../kind'
import { visualMetadataSchema, type VisualMetadata } from './metadata'

const ALT_TEXT_PARTS = ['subject', 'purpose', 'mood'] as const

/** The key visual: a few concepts, each with a palette, a layout, alt text and an image prompt. */
export const visualKind = defineArtifactKind<VisualMetadata>()({
  title: 'Visual',
  agentTitle: 'Visual designer',
  metadataSchema: visualMetadataSchema,
  editSchema: z.object({
    type: z.literal('Visual'),
    basedOn,
    concepts: editedList(z.object({
      name: editedField(L.conceptName),
      layout: editedList(editedField(L.layoutElement), L.layout, 'layout elements'),
      altText: z.object({
        subject: editedField(L.altText.subject), purpose: editedField(L.altText.purpose), mood: editedField(L.altText.mood), text: editedField(L.altText.text),
      }),
      imagePrompt: editedField(L.imagePrompt),
    }), L.concepts, 'concepts').refine(concepts => distinct(concepts.map(concept => concept.name)), 'Concepts must have different names'),
  }),
  textAt(visual, location) {
    const part = /^concepts\[(\d+)\]\.(?:layout\[(\d+)\]|(altText))$/u.exec(location)
    const concept = part ? visual.concepts?.[Number(part[1])] : undefined
    if (!part || !concept) return undefined
    return part[3] ? concept.altText.text : concept.layout[Number(part[2])]
  },
  editFields: visual => visual.concepts.flatMap((concept, c) => {
    const at = `concepts.${c}`
    const named = (what: string) => `Concept ${c + 1} ${what}`
    return [
      editField(`${at}.name`, named('name'), concept.name, L.conceptName),
      ...concept.layout.map((element, e) => editField(`${at}.layout.${e}`, named(`layout element ${e + 1}`), element, L.layoutElement)),
      editField(`${at}.altText.text`, named('alt text'), concept.altText.text, L.altText.text, true),
      ...ALT_TEXT_PARTS.map(part => editField(`${at}.altText.${part}`, named(`alt text ${part}`), concept.altText[part], L.altText[part])),
      editField(`${at}.imagePrompt`, named('image prompt'), concept.imagePrompt, L.imagePrompt, true),
    ]
  }),
  editedText: (visual, text) => ({
    concepts: visual.concepts.map((concept, c) => {
      const at = `concepts.${c}`
      return {
        name: text(`${at}.name`, concept.name),
        layout: concept.layout.map((element, e) => text(`${at}.layout.${e}`, element)),
        altText: {
          text: text(`${at}.altText.text`, concept.altText.text),
          subject: text(`${at}.altText.subject`, concept.altText.subject),
          purpose: text(`${at}.altText.purpose`, concept.altText.purpose),
          mood: text(`${at}.altText.mood`, concept.altText.mood),
        },
        imagePrompt: text(`${at}.imagePrompt`, concept.imagePrompt),
      }
    }),
  }),
  markdown: visual => visual.concepts.flatMap(concept => [
    `### ${markdownInline(concept.name)}`,
    markdownInline(`Palette: ${concept.palette.map(c => `${c.hex} (${c.role})`).join(', ')}`),
    markdownInline(`Alt text: ${concept.altText.text}`),
    markdownBlock(`Prompt: ${concept.imagePrompt}`),
  ]),
})
