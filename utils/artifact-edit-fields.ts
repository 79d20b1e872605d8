import {
  ARTIFACT_LIMITS as L,
  type ArtifactEditInput, type CampaignArtifact, type CopyMetadata, type ShortCopyMetadata, type VisualMetadata,
} from '#shared/campaign'
import { PLATFORM_NAMES } from './campaign-display'

/** One text field of an artifact as the edit form shows it; `path` is the field's name in the edit request and its errors. */
export interface ArtifactEditField {
  path: string
  label: string
  value: string
  multiline: boolean
  maxLength: number
}

const field = (path: string, label: string, value: string, maxLength: number, multiline = false): ArtifactEditField =>
  ({ path, label, value, maxLength, multiline })

/** Every text field a person may edit, in reading order, labelled so each can be found by its name. */
export function editFieldsOf(artifact: CampaignArtifact): ArtifactEditField[] {
  switch (artifact.type) {
    case 'Copy': {
      const copy = artifact.metadata as CopyMetadata
      return [
        ...copy.headlines.map((headline, index) => field(`headlines.${index}`, `Headline ${index + 1}`, headline, L.headline)),
        field('body.short', 'Body (short)', copy.body.short, L.body.short, true),
        field('body.medium', 'Body (medium)', copy.body.medium, L.body.medium, true),
        field('body.long', 'Body (long)', copy.body.long, L.body.long, true),
        ...copy.callsToAction.map((action, index) => field(`callsToAction.${index}`, `Call to action ${index + 1}`, action, L.callToAction)),
      ]
    }
    case 'ShortCopy':
      return (artifact.metadata as ShortCopyMetadata).platforms.flatMap(({ platform, variants }, p) => variants.map((variant, v) =>
        field(`platforms.${p}.variants.${v}.text`, `${PLATFORM_NAMES[platform] ?? platform} post ${v + 1}`, variant.text, L.post, true)))
    case 'Visual':
      return (artifact.metadata as VisualMetadata).concepts.flatMap((concept, c) => {
        const at = `concepts.${c}`
        const named = (what: string) => `Concept ${c + 1} ${what}`
        return [
          field(`${at}.name`, named('name'), concept.name, L.conceptName),
          ...concept.layout.map((element, e) => field(`${at}.layout.${e}`, named(`layout element ${e + 1}`), element, L.layoutElement)),
          field(`${at}.altText.text`, named('alt text'), concept.altText.text, L.altText.text, true),
          field(`${at}.altText.subject`, named('alt text subject'), concept.altText.subject, L.altText.subject),
          field(`${at}.altText.purpose`, named('alt text purpose'), concept.altText.purpose, L.altText.purpose),
          field(`${at}.altText.mood`, named('alt text mood'), concept.altText.mood, L.altText.mood),
          field(`${at}.imagePrompt`, named('image prompt'), concept.imagePrompt, L.imagePrompt, true),
        ]
      })
  }
}

/** The edit request for `artifact` with the form's values (by path); fields not in `values` keep their text. */
export function editRequestOf(artifact: CampaignArtifact, values: Readonly<Record<string, string>>): ArtifactEditInput {
  const text = (path: string, current: string) => values[path] ?? current
  const basedOn = artifact.metadata.iteration
  switch (artifact.type) {
    case 'Copy': {
      const copy = artifact.metadata as CopyMetadata
      return {
        type: 'Copy',
        basedOn,
        headlines: copy.headlines.map((headline, index) => text(`headlines.${index}`, headline)),
        body: { short: text('body.short', copy.body.short), medium: text('body.medium', copy.body.medium), long: text('body.long', copy.body.long) },
        callsToAction: copy.callsToAction.map((action, index) => text(`callsToAction.${index}`, action)),
      }
    }
    case 'ShortCopy':
      return {
        type: 'ShortCopy',
        basedOn,
        platforms: (artifact.metadata as ShortCopyMetadata).platforms.map(({ platform, variants }, p) => ({
          platform,
          variants: variants.map((variant, v) => ({ text: text(`platforms.${p}.variants.${v}.text`, variant.text), hashtags: variant.hashtags })),
        })),
      }
    case 'Visual':
      return {
        type: 'Visual',
        basedOn,
        concepts: (artifact.metadata as VisualMetadata).concepts.map((concept, c) => {
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
      }
  }
}
