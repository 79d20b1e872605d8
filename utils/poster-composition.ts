import type { ColourPair, VisualConcept } from '#shared/campaign'
import { isHexColour, measurePair, normaliseHex, readableOn } from '#shared/utils/contrast'

/** One line of text on the poster, in the poster's own units. */
export interface PosterLine {
  text: string
  x: number
  y: number
  size: number
  weight: 400 | 600 | 800
  anchor: 'start' | 'end'
  fill: string
}

export interface PosterBox {
  x: number
  y: number
  width: number
  height: number
  fill: string
  stroke: string | null
}

/** A visual concept laid out as a portrait poster (4:5, the feeds' tallest image), ready to draw as SVG. */
export interface PosterComposition {
  width: number
  height: number
  background: string
  boxes: PosterBox[]
  lines: PosterLine[]
  /** The concept's alt text: the poster's accessible name. */
  title: string
  /** The text colour against the background as the concept chose it. */
  contrast: ColourPair
  /** Set when the concept's text colour failed AA there and black or white was drawn instead. */
  replacedText: string | null
}

const WIDTH = 1080
const HEIGHT = 1350
const MARGIN = 80
const DEFAULT_BACKGROUND = '#FFFFFF'
const DEFAULT_ACCENT = '#CBD5E1'
// An average glyph is a little over half as wide as the font is tall, bold ones wider: enough to wrap without measuring.
const GLYPH_WIDTH = 0.56
const BOLD_GLYPH_WIDTH = 0.64

type Role = 'headline' | 'supporting' | 'cta' | 'logo' | 'subject'

/** What a layout element is: quoted words are text to set; the rest describes a picture or the logo. */
function readElement(element: string): { role: Role, text: string } {
  const quoted = /"([^"]+)"|“([^”]+)”/u.exec(element)
  const text = quoted ? (quoted[1] ?? quoted[2])!.trim() : element.trim()
  if (quoted && /^\s*headline/iu.test(element)) return { role: 'headline', text }
  if (quoted && /call to action|button|cta/iu.test(element)) return { role: 'cta', text }
  if (quoted) return { role: 'supporting', text }
  return { role: /\blogo\b/iu.test(element) ? 'logo' : 'subject', text }
}

/** Words broken into at most `maxLines` lines of about `maxChars`; a cut last line ends with "…". */
export function wrapWords(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = []
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const last = lines.at(-1)
    if (last !== undefined && [...`${last} ${word}`].length <= maxChars) lines[lines.length - 1] = `${last} ${word}`
    else lines.push([...word].length > maxChars ? `${[...word].slice(0, maxChars - 1).join('')}…` : word)
  }
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = `${[...kept[maxLines - 1]!].slice(0, maxChars - 1).join('').trimEnd()}…`
  return kept
}

const charsFor = (size: number, width: number, weight: PosterLine['weight'] = 400) => Math.floor(width / (size * (weight > 400 ? BOLD_GLYPH_WIDTH : GLYPH_WIDTH)))

/**
 * The concept as a poster: its headline at the top, the supporting line under it, the pictured
 * subject as a block of its accent colour, the call to action outlined near the foot and the logo
 * in the corner. The text colour is the palette's, measured against its background with the
 * audit's contrast module; one that fails AA is replaced by black or white, whichever reads better.
 */
export function composePoster(concept: VisualConcept, fallbackHeadline: string): PosterComposition {
  const swatch = (role: 'background' | 'text' | 'accent') => concept.palette.find(colour => colour.role === role && isHexColour(colour.hex))?.hex
  const background = normaliseHex(swatch('background') ?? DEFAULT_BACKGROUND)
  const chosenText = normaliseHex(swatch('text') ?? readableOn(background))
  const contrast = measurePair(chosenText, background)
  const text = contrast.passesAA ? chosenText : readableOn(background)
  const accent = normaliseHex(swatch('accent') ?? DEFAULT_ACCENT)

  const elements = concept.layout.map(readElement)
  const find = (role: Role) => elements.find(element => element.role === role)?.text
  const headline = find('headline') ?? fallbackHeadline
  const supporting = find('supporting')
  const callToAction = find('cta')
  const subject = find('subject') ?? concept.altText.subject
  const logo = find('logo')

  const lines: PosterLine[] = []
  const boxes: PosterBox[] = []
  const inner = WIDTH - 2 * MARGIN
  const setText = (content: string, size: number, weight: PosterLine['weight'], maxLines: number, top: number, fill = text, x = MARGIN, width = inner) => {
    const wrapped = wrapWords(content, charsFor(size, width, weight), maxLines)
    wrapped.forEach((line, index) => lines.push({ text: line, x, y: top + size + index * size * 1.2, size, weight, anchor: 'start', fill }))
    return top + wrapped.length * size * 1.2
  }

  let cursor = setText(headline, 88, 800, 4, MARGIN)
  if (supporting) cursor = setText(supporting, 40, 400, 3, cursor + 32)

  const footer = HEIGHT - MARGIN - (logo ? 56 : 0)
  const ctaHeight = callToAction ? 104 : 0
  const pictureTop = cursor + 48
  const pictureBottom = footer - ctaHeight - (callToAction ? 48 : 0)
  if (pictureBottom - pictureTop > 120) {
    boxes.push({ x: MARGIN, y: pictureTop, width: inner, height: pictureBottom - pictureTop, fill: accent, stroke: null })
    setText(subject, 32, 400, 3, pictureBottom - 32 - 3 * 32 * 1.2, readableOn(accent), MARGIN + 32, inner - 64)
  }
  if (callToAction) {
    const ctaTop = footer - ctaHeight
    boxes.push({ x: MARGIN, y: ctaTop, width: inner, height: ctaHeight, fill: background, stroke: text })
    setText(callToAction, 40, 600, 1, ctaTop + 18, text, MARGIN + 32, inner - 64)
  }
  if (logo) lines.push({ text: wrapWords(logo.replace(/,.*$/u, ''), charsFor(28, inner, 600), 1)[0] ?? '', x: WIDTH - MARGIN, y: HEIGHT - MARGIN + 16, size: 28, weight: 600, anchor: 'end', fill: text })

  return { width: WIDTH, height: HEIGHT, background, boxes, lines, title: concept.altText.text, contrast, replacedText: contrast.passesAA ? null : text }
}
