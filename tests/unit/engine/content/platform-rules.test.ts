import { describe, expect, it } from 'vitest'
import { countCharacters, PLATFORM_RULES } from '../../../../server/engine/content'

describe('PLATFORM_RULES', () => {
  it('holds each platform\'s published limit', () => {
    expect(PLATFORM_RULES.x).toMatchObject({ limit: 280, counting: 'weighted' })
    expect(PLATFORM_RULES.linkedin.limit).toBe(3000)
    expect(PLATFORM_RULES.instagram).toMatchObject({ limit: 2200, maxHashtags: 5 })
    expect(PLATFORM_RULES.facebook.limit).toBe(63206)
    expect(PLATFORM_RULES.tiktok.limit).toBe(2200)
  })
})

describe('countCharacters on X (weighted, via twitter-text)', () => {
  it('counts Latin letters once', () => {
    expect(countCharacters('x', 'Hello there')).toBe(11)
  })

  it('counts an emoji as two, even one built from several code points', () => {
    expect(countCharacters('x', '😀')).toBe(2)
    expect(countCharacters('x', '👩‍👩‍👧')).toBe(2)
  })

  it('counts CJK characters as two each', () => {
    expect(countCharacters('x', '日本語')).toBe(6)
  })

  it('counts any URL as 23, however long', () => {
    expect(countCharacters('x', 'https://example.com/a/very/long/path/that/goes/on/and/on?with=query')).toBe(23)
    expect(countCharacters('x', 'see example.com')).toBe(4 + 23)
  })
})

describe('countCharacters elsewhere (code points)', () => {
  it('counts each code point once, so an emoji is one and a family emoji its parts', () => {
    expect(countCharacters('linkedin', 'Hi 😀')).toBe(4)
    expect(countCharacters('instagram', '日本語')).toBe(3)
    expect(countCharacters('tiktok', '👩‍👩‍👧')).toBe(5)
    expect(countCharacters('facebook', 'https://example.com/long')).toBe(24)
  })
})
