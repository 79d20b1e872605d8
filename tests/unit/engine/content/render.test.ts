import { describe, expect, it } from 'vitest'
import { renderCopy } from '../../../../server/engine/artifact-types/copy/render'
import { renderShortCopy } from '../../../../server/engine/artifact-types/short-copy/render'
import { renderVisual } from '../../../../server/engine/artifact-types/visual/render'
import { finishShortCopy, finishVisualConcepts } from '../../../../server/engine/content'
import { makeBrief, makeConcept, makeCopy } from '../support/fixtures'

describe('renderCopy', () => {
  it('lays out every part under a plain heading', () => {
    const text = renderCopy(makeCopy())
    expect(text).toMatch(/^## Headlines\n1\. Grow something new this spring\n2\. /u)
    for (const heading of ['## Body (short)', '## Body (medium)', '## Body (long)', '## Calls to action\n- Shop the kit today', '## Tone note\nWarm and friendly.']) {
      expect(text).toContain(heading)
    }
  })
})

describe('renderShortCopy', () => {
  it('shows each post as published, with its count and an over-limit mark', () => {
    const brief = makeBrief({ platforms: ['x'] })
    const platforms = finishShortCopy(brief, [{ platform: 'x', variants: [{ text: 'Shop now.', hashtags: ['#Garden'] }, { text: 'a'.repeat(281), hashtags: [] }] }])
    const text = renderShortCopy({ platforms })
    expect(text).toContain('## X (up to 280 weighted characters)')
    expect(text).toContain('Variant 1 · 18/280\nShop now.\n\n#Garden')
    expect(text).toContain('Variant 2 · 281/280 — over the limit')
  })
})

describe('renderVisual', () => {
  it('lists palette, layout, alt text, prompt and contrast for each concept', () => {
    const concepts = finishVisualConcepts(makeBrief(), [makeConcept()])
    const text = renderVisual({ concepts })
    expect(text).toContain('## Concept 1: Hero shot')
    expect(text).toContain('Palette: #FFFFFF background, #1B4332 text, #95D5B2 accent')
    expect(text).toContain('1. Headline "Grow something new this spring"')
    expect(text).toContain('Alt text: A seed kit on a potting bench, fresh and calm.')
    expect(text).toMatch(/Contrast: #1B4332 on #FFFFFF is [\d.]+:1 \(passes WCAG AA\)/u)
  })
})
