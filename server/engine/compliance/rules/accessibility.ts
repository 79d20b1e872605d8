import { textContrastPairs, AA_NORMAL_TEXT } from '../../content/contrast'
import type { AuditedArtifact, AuditedMetadataOf } from '../audited-artifact'
import { defineRule } from '../rule'

/** Screen readers read alt text in one go; 125 characters is the common guidance for keeping it usable. */
export const ALT_TEXT_MAX_LENGTH = 125

function conceptsOf(artifact: AuditedArtifact): AuditedMetadataOf<'Visual'>['concepts'] | null {
  return artifact.type === 'Visual' && artifact.metadata ? artifact.metadata.concepts : null
}

export const altTextPresent = defineRule({
  id: 'accessibility.alt-text',
  title: 'Every image has a description',
  category: 'accessibility',
  severity: 'Medium',
  explanation: 'Every image needs alt text that says what it shows (subject), why it is there (purpose) and how it feels (mood).',
  recommendation: 'Write alt text for each concept, with its subject, purpose and mood.',
  appliesTo: ['Visual'],
  check(artifact) {
    const concepts = conceptsOf(artifact)
    if (!concepts) return null
    return concepts.flatMap((concept, index) => {
      const absent = (['text', 'subject', 'purpose', 'mood'] as const).filter(part => concept.altText[part].trim() === '')
      if (absent.length === 0) return []
      return [{ location: `concepts[${index}].altText`, description: `Alt text is missing its ${absent.join(', ')}.` }]
    })
  },
})

export const altTextLength = defineRule({
  id: 'accessibility.alt-text-length',
  title: 'Image descriptions are a readable length',
  category: 'accessibility',
  severity: 'Low',
  explanation: `Alt text longer than ${ALT_TEXT_MAX_LENGTH} characters is tiring to hear and may be cut off by assistive technology.`,
  recommendation: `Shorten the alt text to ${ALT_TEXT_MAX_LENGTH} characters or fewer.`,
  appliesTo: ['Visual'],
  check(artifact) {
    const concepts = conceptsOf(artifact)
    if (!concepts) return null
    return concepts.flatMap((concept, index) => {
      const length = [...concept.altText.text].length
      if (length <= ALT_TEXT_MAX_LENGTH) return []
      return [{
        location: `concepts[${index}].altText`,
        description: `Alt text is ${length} characters; keep it to ${ALT_TEXT_MAX_LENGTH}.`,
        recommendation: `Shorten the alt text by ${length - ALT_TEXT_MAX_LENGTH} characters or more.`,
      }]
    })
  },
})

/** Measured again from the palette rather than trusting the ratios a writer reported. */
export const textContrast = defineRule({
  id: 'accessibility.contrast',
  title: 'Text is readable against its background',
  category: 'accessibility',
  severity: 'High',
  explanation: `WCAG 2 level AA needs a contrast ratio of at least ${AA_NORMAL_TEXT}:1 between text and its background.`,
  recommendation: `Choose text and background colours with a contrast ratio of at least ${AA_NORMAL_TEXT}:1 (use black or white text where a palette colour is too light or dark).`,
  appliesTo: ['Visual'],
  check(artifact) {
    const concepts = conceptsOf(artifact)
    if (!concepts) return null
    return concepts.flatMap((concept, index) => textContrastPairs(concept.palette)
      .map((pair, pairIndex) => ({ pair, pairIndex }))
      .filter(({ pair }) => !pair.passesAA)
      .map(({ pair, pairIndex }) => ({
        location: `concepts[${index}].contrast[${pairIndex}]`,
        description: `Text ${pair.foreground} on ${pair.background} has a contrast of ${pair.ratio}:1, below ${AA_NORMAL_TEXT}:1.`,
        recommendation: `Raise the contrast of ${pair.foreground} on ${pair.background} to at least ${AA_NORMAL_TEXT}:1 (use black or white text where a palette colour is too light or dark).`,
      })))
  },
})
