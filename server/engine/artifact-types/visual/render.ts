import type { VisualMetadata } from '#shared/campaign'
import { section, sections } from '../../content/render'
import type { Written } from '../kind'

export function renderVisual(metadata: Written<VisualMetadata>): string {
  return sections(metadata.concepts.map((concept, index) => section(`Concept ${index + 1}: ${concept.name}`, [
    `Palette: ${concept.palette.map(swatch => `${swatch.hex} ${swatch.role}`).join(', ')}`,
    'Layout, most prominent first:',
    ...concept.layout.map((element, position) => `${position + 1}. ${element}`),
    `Alt text: ${concept.altText.text}`,
    `Subject: ${concept.altText.subject}`,
    `Purpose: ${concept.altText.purpose}`,
    `Mood: ${concept.altText.mood}`,
    `Image prompt: ${concept.imagePrompt}`,
    ...concept.contrast.map(pair =>
      `Contrast: ${pair.foreground} on ${pair.background} is ${pair.ratio}:1 (${pair.passesAA ? 'passes' : 'fails'} WCAG AA)`),
  ])))
}
