import type { VisualConcept } from '#shared/campaign'
import { contrastRatio, normaliseHex, readableOn, AA_NORMAL_TEXT } from '../../content/contrast'
import type { ToneStyleName } from '../../writers/offline/tone-styles'

type Palette = VisualConcept['palette']

/** Palettes for briefs without a brand palette, two per tone so concepts and versions can differ. */
const STYLE_PALETTES: Readonly<Record<ToneStyleName, ReadonlyArray<readonly string[]>>> = {
  playful: [['#FFF4E0', '#FF6B6B', '#4ECDC4', '#2B2D42'], ['#FDF6FF', '#8E44AD', '#F9C80E', '#1B1B3A']],
  professional: [['#F5F7FA', '#1F3A5F', '#3E7CB1', '#C9D6E3'], ['#FFFFFF', '#0B2545', '#13315C', '#8DA9C4']],
  warm: [['#FFF8F0', '#C8553D', '#F28F3B', '#588B8B'], ['#FDF3E7', '#7A4419', '#D4A373', '#3D405B']],
  bold: [['#111111', '#FFD60A', '#FF3C38', '#FFFFFF'], ['#0D1B2A', '#E63946', '#F1FAEE', '#A8DADC']],
  calm: [['#F4F1EC', '#2F3E46', '#84A98C', '#CAD2C5'], ['#FAF9F6', '#3A3A3A', '#B8A99A', '#E8E2DA']],
}

function luminanceOrder(colours: readonly string[]): string[] {
  // Contrast against black rises with luminance, so it sorts colours from darkest to lightest.
  return [...colours].sort((a, b) => contrastRatio(a, '#000000') - contrastRatio(b, '#000000'))
}

/** The palette's own colour that reads best on the background when it reaches AA; black or white otherwise. */
function textColourFor(background: string, colours: readonly string[]): string {
  const best = colours.filter(colour => colour !== background)
    .map(colour => ({ colour, ratio: contrastRatio(colour, background) }))
    .sort((a, b) => b.ratio - a.ratio)[0]
  return best && best.ratio >= AA_NORMAL_TEXT ? best.colour : readableOn(background)
}

/**
 * Assigns roles for one concept: `lightBackground` picks the lightest colour as the background, otherwise the
 * darkest; text is the palette colour with the most contrast on it (or black/white to reach 4.5:1); the rest
 * are accents. Every colour of the brand palette stays in the palette.
 */
export function paletteFor(colours: readonly string[], lightBackground: boolean): Palette {
  const ordered = luminanceOrder([...new Set(colours.map(normaliseHex))])
  const background = (lightBackground ? ordered[ordered.length - 1] : ordered[0]) ?? '#FFFFFF'
  const text = textColourFor(background, ordered)
  const accents = ordered.filter(colour => colour !== background && colour !== text)
  return [
    { hex: background, role: 'background' },
    { hex: text, role: 'text' },
    ...accents.map(hex => ({ hex, role: 'accent' as const })),
  ]
}

export function stylePalettes(style: ToneStyleName): ReadonlyArray<readonly string[]> {
  return STYLE_PALETTES[style]
}
