import { describe, expect, it } from 'vitest'
import { contrastRatio, finishVisualConcepts, readableOn, textContrastPairs } from '../../../../server/engine/content'
import { makeBrief, makeConcept } from '../support/fixtures'

describe('contrastRatio (WCAG 2)', () => {
  it.each([
    ['#000', '#fff', 21],
    ['#FFFFFF', '#FFFFFF', 1],
    ['#777777', '#FFFFFF', 4.48],
    ['#767676', '#FFFFFF', 4.54],
    ['#0000FF', '#FFFFFF', 8.59],
    ['#FF0000', '#FFFFFF', 4],
  ])('%s on %s is %s:1', (foreground, background, expected) => {
    expect(contrastRatio(foreground, background)).toBeCloseTo(expected, 2)
  })

  it('is symmetric', () => {
    expect(contrastRatio('#1B4332', '#95D5B2')).toBeCloseTo(contrastRatio('#95D5B2', '#1B4332'), 10)
  })
})

describe('readableOn', () => {
  it('picks black on light colours and white on dark ones, always reaching AA', () => {
    expect(readableOn('#F2C14E')).toBe('#000000')
    expect(readableOn('#0B2545')).toBe('#FFFFFF')
    for (const background of ['#777777', '#808080', '#FF0000', '#00FF00', '#0A7E8C']) {
      expect(contrastRatio(readableOn(background), background)).toBeGreaterThanOrEqual(4.5)
    }
  })
})

describe('finishVisualConcepts', () => {
  it('measures every text colour against every background and judges AA at 4.5', () => {
    const [concept] = finishVisualConcepts(makeBrief(), [makeConcept({
      palette: [
        { hex: '#fff', role: 'background' },
        { hex: '#767676', role: 'text' },
        { hex: '#777777', role: 'text' },
        { hex: '#FF0000', role: 'accent' },
      ],
    })])
    expect(concept?.palette[0]?.hex).toBe('#FFFFFF')
    expect(concept?.contrast).toEqual([
      { foreground: '#767676', background: '#FFFFFF', ratio: 4.54, passesAA: true },
      { foreground: '#777777', background: '#FFFFFF', ratio: 4.48, passesAA: false },
    ])
  })

  it('measures nothing for accents alone', () => {
    expect(textContrastPairs([{ hex: '#000000', role: 'accent' }, { hex: '#FFFFFF', role: 'background' }])).toEqual([])
  })
})
