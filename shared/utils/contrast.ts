import { hex as contrastOfHex } from 'wcag-contrast'
import type { ColourPair, VisualConcept } from '../campaign/artifacts'

/** WCAG 2.x level AA for normal-size text. */
export const AA_NORMAL_TEXT = 4.5

/** `#abc` → `#AABBCC`, so colours compare and display one way. */
export function normaliseHex(colour: string): string {
  const body = colour.trim().replace(/^#/u, '')
  const full = body.length === 3 ? [...body].map(digit => digit + digit).join('') : body
  return `#${full.toUpperCase()}`
}

export function isHexColour(colour: string): boolean {
  return /^#?(?:[0-9a-f]{3}|[0-9a-f]{6})$/iu.test(colour.trim())
}

/** The WCAG 2 contrast ratio of two hex colours, 1 to 21. */
export function contrastRatio(foreground: string, background: string): number {
  return contrastOfHex(normaliseHex(foreground), normaliseHex(background))
}

/** The ratio and AA verdict of one pair; the ratio is rounded to two decimals for display, the verdict uses the exact value. */
export function measurePair(foreground: string, background: string): ColourPair {
  const ratio = contrastRatio(foreground, background)
  return {
    foreground: normaliseHex(foreground),
    background: normaliseHex(background),
    ratio: Math.round(ratio * 100) / 100,
    passesAA: ratio >= AA_NORMAL_TEXT,
  }
}

/** Every text colour measured against every background colour of a palette (accents are decoration, not text). */
export function textContrastPairs(palette: VisualConcept['palette']): ColourPair[] {
  const valid = palette.filter(swatch => isHexColour(swatch.hex))
  const texts = valid.filter(swatch => swatch.role === 'text')
  const backgrounds = valid.filter(swatch => swatch.role === 'background')
  return texts.flatMap(text => backgrounds.map(background => measurePair(text.hex, background.hex)))
}

/** Of black and white, the one that reads better on `background` — always at least 4.58:1. */
export function readableOn(background: string): string {
  return contrastRatio('#000000', background) >= contrastRatio('#FFFFFF', background) ? '#000000' : '#FFFFFF'
}
