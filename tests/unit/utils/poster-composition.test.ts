import { describe, expect, it } from 'vitest'
import type { VisualConcept } from '#shared/campaign'
import { contrastRatio } from '#shared/utils/contrast'
import { composePoster, wrapWords } from '../../../utils/poster-composition'

const concept = (palette: VisualConcept['palette'], layout: string[] = []): VisualConcept => ({
  name: 'Hero shot',
  palette,
  layout,
  altText: { subject: 'A trail shoe on wet rock', purpose: 'Launch', mood: 'bold', text: 'A trail shoe on wet rock at dawn.' },
  imagePrompt: 'Photo',
  contrast: [],
})

const LAYOUT = [
  'Headline "Run further on every trail this spring" in #0D1B2A on #F1FAEE, top third',
  'Ridgeline shoe, large and centred',
  'Supporting line "Free returns on every pair" below the headline',
  'Call to action "Shop the Ridgeline" as a label, outlined',
  'Ridgeline logo, bottom right',
]

describe('composePoster', () => {
  it('sets the layout\'s headline, supporting line, call to action and logo in the palette\'s colours', () => {
    const poster = composePoster(concept([{ hex: '#f1faee', role: 'background' }, { hex: '#0D1B2A', role: 'text' }, { hex: '#E63946', role: 'accent' }], LAYOUT), 'Unused')
    expect(poster.background).toBe('#F1FAEE')
    const text = poster.lines.map(line => line.text).join(' ')
    expect(text).toContain('Run further on every trail this spring')
    expect(text).toContain('Free returns on every pair')
    expect(text).toContain('Shop the Ridgeline')
    expect(poster.lines.at(-1)).toMatchObject({ text: 'Ridgeline logo', anchor: 'end' })
    // The headline is the largest text and comes first.
    expect(poster.lines[0]!.size).toBe(Math.max(...poster.lines.map(line => line.size)))
    // The pictured subject is a block of the accent colour, captioned in a colour that reads on it.
    const picture = poster.boxes.find(box => box.fill === '#E63946')!
    const caption = poster.lines.find(line => line.text.includes('Ridgeline shoe'))!
    expect(contrastRatio(caption.fill, picture.fill)).toBeGreaterThanOrEqual(4.5)
    expect(poster.boxes.some(box => box.stroke === '#0D1B2A')).toBe(true)
    expect(poster.contrast.passesAA).toBe(true)
    expect(poster.replacedText).toBeNull()
    expect(poster.title).toBe('A trail shoe on wet rock at dawn.')
    for (const line of poster.lines) expect(line.y).toBeLessThanOrEqual(poster.height)
  })

  it('draws text that fails AA on its background in black or white instead, and says so', () => {
    const poster = composePoster(concept([{ hex: '#FFFFFF', role: 'background' }, { hex: '#DDDDDD', role: 'text' }], LAYOUT), 'Unused')
    expect(poster.contrast).toMatchObject({ foreground: '#DDDDDD', background: '#FFFFFF', passesAA: false })
    expect(poster.replacedText).toBe('#000000')
    expect(poster.lines[0]!.fill).toBe('#000000')
  })

  it('falls back to the given headline and to readable defaults when the concept lacks them', () => {
    const poster = composePoster(concept([{ hex: 'not-a-colour', role: 'background' }]), 'Spring trail launch')
    expect(poster.background).toBe('#FFFFFF')
    const headline = poster.lines.filter(line => line.size === poster.lines[0]!.size)
    expect(headline.map(line => line.text).join(' ')).toBe('Spring trail launch')
    expect(headline[0]!.fill).toBe('#000000')
    expect(poster.lines.map(line => line.text).join(' ')).toContain('A trail shoe on wet rock')
  })
})

describe('wrapWords', () => {
  it('breaks between words and marks text cut after the last line', () => {
    expect(wrapWords('one two three four', 9, 3)).toEqual(['one two', 'three', 'four'])
    expect(wrapWords('one two three four five six', 9, 2)).toEqual(['one two', 'three…'])
    expect(wrapWords('supercalifragilistic', 6, 1)).toEqual(['super…'])
  })
})
