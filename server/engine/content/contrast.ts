import type { CampaignBrief, VisualConcept } from '#shared/campaign'
import { isHexColour, normaliseHex, textContrastPairs } from '#shared/utils/contrast'

// Measuring is shared with the browser, whose poster previews check their text colours the same way.
export { AA_NORMAL_TEXT, normaliseHex, isHexColour, contrastRatio, measurePair, textContrastPairs, readableOn } from '#shared/utils/contrast'

/**
 * Adds the measured contrast of each text/background pair to drafted concepts, with palette colours
 * written one way (`#AABBCC`). The brief is accepted so every finisher has the same shape.
 */
export function finishVisualConcepts(_brief: CampaignBrief, drafts: Array<Omit<VisualConcept, 'contrast'>>): VisualConcept[] {
  return drafts.map((draft) => {
    const palette = draft.palette.map(swatch => ({ ...swatch, hex: isHexColour(swatch.hex) ? normaliseHex(swatch.hex) : swatch.hex }))
    return { ...draft, palette, contrast: textContrastPairs(palette) }
  })
}
