import type { CampaignBrief, VisualConcept, VisualMetadata } from '#shared/campaign'
import { finishVisualConcepts } from '../../content/contrast'
import { callsToAction, headlines, values } from '../../writers/offline/lines'
import { paletteFor, stylePalettes } from './palettes'
import { capitalise } from '../../writers/offline/phrasing'
import { fitsContract } from '../../writers/offline/writer-contract'
import type { WritingContext } from '../../writers/offline/writing-context'

export type WrittenVisual = Omit<VisualMetadata, 'model' | 'iteration'>

/** Screen readers cut longer alt text short; the brief may ask for less. */
const ALT_TEXT_LIMIT = 125
const CONCEPT_COUNT = 2

/** Art directions that differ in medium, framing and where the type sits, so two concepts never look alike. */
interface ArtDirection {
  name: string
  medium: string
  subject: (product: string, audience: string) => string
  composition: string
  /** The layout after the headline, most prominent first; `{product}`-free so it reads for any brief. */
  layout: (product: string) => string[]
}

const DIRECTIONS: readonly ArtDirection[] = [
  {
    name: 'Hero product shot',
    medium: 'studio product photograph',
    subject: product => `${product} on a clean surface`,
    composition: 'product centred, low camera angle, clear space above for the headline',
    layout: product => [`${capitalise(product)}, large and centred`],
  },
  {
    name: 'Everyday moment',
    medium: 'lifestyle photograph',
    subject: (product, audience) => `${audience} using ${product} in an everyday setting`,
    composition: 'rule of thirds, people on the left, open space on the right for text',
    layout: product => [`A person using ${product}, filling the left two thirds`],
  },
  {
    name: 'Bold type',
    medium: 'graphic poster design',
    subject: product => `a bold typographic poster with a small cut-out of ${product}`,
    composition: 'oversized headline filling the frame, product cut-out in the lower corner',
    layout: product => [`A small cut-out of ${product}, lower right`],
  },
  {
    name: 'Flat lay',
    medium: 'top-down flat-lay photograph',
    subject: product => `${product} arranged with everyday items, seen from above`,
    composition: 'top-down, items on a grid, a clear band across the top for text',
    layout: product => [`${capitalise(product)} with everyday items in a neat grid`],
  },
  {
    name: 'Illustrated scene',
    medium: 'flat vector illustration',
    subject: (product, audience) => `${audience} with ${product} in a simple scene`,
    composition: 'simple shapes, generous margins, headline area at the top',
    layout: product => [`An illustration featuring ${product}, centred`],
  },
]

function hexList(palette: VisualConcept['palette']): string {
  return palette.map(swatch => swatch.hex).join(', ')
}

/** The fullest alt text that fits the limit: subject and mood, then subject alone, then a plain description. */
function altTextLine(context: WritingContext, subject: string, mood: string): string {
  const shortest = context.revision.shortenAltText || context.revision.shorten
  const candidates = [
    shortest ? '' : `${capitalise(subject)}, ${mood}.`,
    `${capitalise(subject)}.`,
    `Image of ${context.product}.`,
  ].filter(candidate => candidate !== '' && context.allows(candidate))
  const fits = (candidate: string) => [...candidate].length <= ALT_TEXT_LIMIT && fitsContract(context.contract, 'altText', candidate)
  return candidates.find(fits) ?? 'Product image for the campaign.'
}

function concept(context: WritingContext, direction: ArtDirection, colours: readonly string[], lightBackground: boolean, headline: string, supporting: string, action: string): Omit<VisualConcept, 'contrast'> {
  const { facts, style } = context
  const palette = paletteFor(colours, lightBackground)
  const background = palette.find(swatch => swatch.role === 'background')!.hex
  const text = palette.find(swatch => swatch.role === 'text')!.hex
  const mood = context.choose(style.moods) ?? 'inviting'
  const subject = direction.subject(context.product, facts.audience)
  return {
    name: direction.name,
    palette,
    layout: [
      `Headline "${headline}" in ${text} on ${background}, top third`,
      ...direction.layout(context.product),
      `Supporting line "${supporting}" in ${text}, below the headline`,
      `Call to action "${action}" as a ${text} label on ${background}, outlined`,
      `${context.brand} logo, bottom right`,
    ],
    altText: {
      subject: capitalise(subject),
      purpose: `Introduce ${context.product} to ${facts.audience} (campaign: ${facts.theme})`,
      mood,
      text: altTextLine(context, subject, mood),
    },
    imagePrompt: `${capitalise(direction.medium)} of ${subject}; ${direction.composition}; ${context.random.pick(style.treatments)}; `
      + `colour palette ${hexList(palette)}; ${mood} mood; no text or logos in the image.`,
  }
}

export function writeVisual(context: WritingContext, brief: CampaignBrief): WrittenVisual {
  // Directions whose wording the brief rules out (a banned "simple", say) are skipped while enough remain.
  const allowed = DIRECTIONS.filter(direction => context.allows(direction.subject(context.product, context.facts.audience)))
  const directions = context.random.shuffle(allowed.length >= CONCEPT_COUNT ? allowed : DIRECTIONS).slice(0, CONCEPT_COUNT)
  const [firstPalette, secondPalette] = context.random.shuffle(stylePalettes(context.style.name))
  const brandColours = context.facts.palette
  const lines = headlines(context, CONCEPT_COUNT)
  const supporting = values(context, CONCEPT_COUNT)
  const actions = callsToAction(context, CONCEPT_COUNT)
  const drafts = directions.map((direction, index) => {
    // One concept on a light background and one on a dark one, in brand colours when the brief has them.
    const colours = brandColours.length > 0 ? brandColours : ((index === 0 ? firstPalette : secondPalette) ?? [])
    return concept(context, direction, colours, index === 0, lines[index] ?? lines[0] ?? '', supporting[index] ?? supporting[0] ?? '', actions[index] ?? actions[0] ?? '')
  })
  return { concepts: finishVisualConcepts(brief, drafts) }
}
