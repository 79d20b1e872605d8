import { describe, expect, it } from 'vitest'
import { foldPost, PREVIEW_FOLDS } from '../../../utils/post-fold'
import { postSegments } from '../../../utils/post-segments'

const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ')

describe('foldPost', () => {
  it('shows a post shorter than the fold whole', () => {
    expect(foldPost('linkedin', 'Short and sweet.')).toEqual({ visible: 'Short and sweet.', folded: false })
  })

  it.each(['linkedin', 'instagram', 'facebook', 'tiktok', 'x'] as const)('cuts %s at its own character fold, before a whole word', (platform) => {
    const text = words(200)
    const { visible, folded } = foldPost(platform, text)
    expect(folded).toBe(true)
    expect([...visible].length).toBeLessThanOrEqual(PREVIEW_FOLDS[platform].characters)
    expect([...visible].length).toBeGreaterThan(PREVIEW_FOLDS[platform].characters - 10)
    expect(text.startsWith(`${visible} `)).toBe(true)
  })

  it('folds Instagram after two lines and LinkedIn after three, however short they are', () => {
    const text = 'One\nTwo\nThree\nFour'
    expect(foldPost('instagram', text)).toEqual({ visible: 'One\nTwo', folded: true })
    expect(foldPost('linkedin', text)).toEqual({ visible: 'One\nTwo\nThree', folded: true })
    expect(foldPost('x', text).folded).toBe(false)
  })

  it('counts an emoji as one character, and does not fold a post that ends at the fold', () => {
    const text = '🎉'.repeat(125)
    expect(foldPost('instagram', text).folded).toBe(false)
    expect(foldPost('instagram', `${text} more`).visible).toBe(text)
  })

  it('does not fold for trailing blank lines alone', () => {
    expect(foldPost('instagram', 'One\nTwo\n\n').folded).toBe(false)
  })
})

describe('postSegments', () => {
  it('splits hashtags, mentions and links from the text around them, losing nothing', () => {
    const text = 'Hi 🎉 @trail see https://example.com/a, and #TrailReady!'
    const segments = postSegments(text)
    expect(segments.map(segment => segment.text).join('')).toBe(text)
    expect(segments.filter(segment => segment.kind !== 'text')).toEqual([
      { kind: 'mention', text: '@trail' },
      { kind: 'link', text: 'https://example.com/a' },
      { kind: 'hashtag', text: '#TrailReady' },
    ])
  })

  it('keeps markup as text', () => {
    expect(postSegments('<b>bold</b>')).toEqual([{ kind: 'text', text: '<b>bold</b>' }])
  })
})
