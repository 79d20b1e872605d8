import { describe, expect, it } from 'vitest'
import { analyzeBrief } from '#shared/brief-contract'
import { applyHashtagPolicy, finishShortCopy, hashtagContractOf, publishedPost } from '../../../../server/engine/content'
import { makeBrief } from '../support/fixtures'

const brief = makeBrief({ brand: { bannedTerms: ['cheap', 'chemical free'], requiredHashtags: ['#GreenThumb', 'Spring2025'] } })

describe('finishShortCopy', () => {
  it('puts required hashtags first and drops banned and duplicate ones', () => {
    const [x] = finishShortCopy(brief, [{ platform: 'x', variants: [{ text: 'Shop now.', hashtags: ['garden', '#CheapSeeds', '#ChemicalFree', '#Garden', '#greenthumb'] }] }])
    expect(x?.variants[0]?.hashtags).toEqual(['#GreenThumb', '#Spring2025', '#garden'])
  })

  it('keeps Instagram to five hashtags, counting those already in the text, and keeps the required ones', () => {
    const tags = ['#one', '#two', '#three', '#four', '#five']
    const [instagram] = finishShortCopy(brief, [{ platform: 'instagram', variants: [
      { text: 'Shop now.', hashtags: tags },
      { text: 'Shop now #inline.', hashtags: tags },
    ] }])
    expect(instagram?.variants[0]?.hashtags).toEqual(['#GreenThumb', '#Spring2025', '#one', '#two', '#three'])
    expect(instagram?.variants[1]?.hashtags).toEqual(['#GreenThumb', '#Spring2025', '#one', '#two'])
  })

  it('does not cap hashtags on platforms without a cap', () => {
    const tags = ['#one', '#two', '#three', '#four', '#five', '#six']
    const [linkedin] = finishShortCopy(makeBrief(), [{ platform: 'linkedin', variants: [{ text: 'Shop now.', hashtags: tags }] }])
    expect(linkedin?.variants[0]?.hashtags).toEqual(tags)
  })

  it('adds the tags the constraint lines require and keeps within the brief\'s own hashtag limit, required tags first', () => {
    const lines = makeBrief({ constraints: ['Always use #BeanBox', 'At most 3 hashtags'] })
    const [linkedin] = finishShortCopy(brief, [{ platform: 'linkedin', variants: [{ text: 'Shop now.', hashtags: ['#one', '#two'] }] }], hashtagContractOf(analyzeBrief(lines).checks))
    expect(linkedin?.variants[0]?.hashtags).toEqual(['#GreenThumb', '#Spring2025', '#BeanBox'])
  })

  it('does not repeat a hashtag the text already carries', () => {
    expect(applyHashtagPolicy(brief, 'x', 'Join #GreenThumb today', [])).toEqual(['#Spring2025'])
  })

  it('counts the post as published, hashtags included, by the platform\'s rule', () => {
    const text = 'Spring is here 🌱 日本'
    const [x, linkedin] = finishShortCopy(makeBrief(), [
      { platform: 'x', variants: [{ text, hashtags: ['#Garden'] }] },
      { platform: 'linkedin', variants: [{ text, hashtags: ['#Garden'] }] },
    ])
    expect(publishedPost({ text, hashtags: ['#Garden'] })).toBe(`${text}\n\n#Garden`)
    // X: "Spring is here " 15 + emoji 2 + space 1 + two CJK 4 = 22, then "\n\n#Garden" 9.
    expect(x?.variants[0]).toMatchObject({ characterCount: 31, limit: 280, overLimit: false })
    // LinkedIn: one per code point, so 15 + 1 + 1 + 2 + 9.
    expect(linkedin?.variants[0]).toMatchObject({ characterCount: 28, limit: 3000, overLimit: false })
  })

  it('counts a URL as 23 on X', () => {
    const [x] = finishShortCopy(makeBrief(), [{ platform: 'x', variants: [{ text: 'Shop https://example.com/spring/seed-kits/beginners', hashtags: [] }] }])
    expect(x?.variants[0]?.characterCount).toBe(5 + 23)
  })

  it('flags an over-limit post and never shortens it', () => {
    const text = `${'a'.repeat(270)} 😀😀😀`
    const [x] = finishShortCopy(makeBrief(), [{ platform: 'x', variants: [{ text, hashtags: [] }] }])
    expect(x?.variants[0]).toMatchObject({ text, characterCount: 277, overLimit: false })
    const [over] = finishShortCopy(makeBrief(), [{ platform: 'x', variants: [{ text: `${text}😀😀`, hashtags: [] }] }])
    expect(over?.variants[0]).toMatchObject({ text: `${text}😀😀`, characterCount: 281, limit: 280, overLimit: true })
  })

  it('flags a post that only the required hashtags push over the limit', () => {
    const text = 'a'.repeat(270)
    const [x] = finishShortCopy(brief, [{ platform: 'x', variants: [{ text, hashtags: [] }] }])
    expect(x?.variants[0]?.text).toBe(text)
    expect(x?.variants[0]?.overLimit).toBe(true)
  })
})
