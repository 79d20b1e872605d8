import { describe, expect, it } from 'vitest'
import { brandKitRequestSchema, campaignBriefSchema } from '#shared/campaign'
import { UNSTORABLE_TEXT_MESSAGE } from '#shared/schemas/storable-text'
import { fieldErrors } from '#shared/utils/field-errors'

const KIT = {
  name: 'EcoSip',
  accountName: 'EcoSip Official',
  voice: 'Warm, plain, never preachy.',
  exampleSentences: ['Refill, sip, repeat.'],
  palette: ['#0A7', '#112233'],
  bannedTerms: ['cheap'],
  requiredHashtags: ['EcoSip'],
  requiredDisclaimer: 'Terms apply.',
}
const errorsOf = (input: object) => {
  const result = brandKitRequestSchema.safeParse({ ...KIT, ...input })
  return result.success ? {} : fieldErrors(result.error)
}

describe('a saved brand kit', () => {
  it('keeps every field, trimmed, with hashtags normalised as a brief\'s are', () => {
    const kit = brandKitRequestSchema.parse({ ...KIT, name: '  EcoSip  ' })
    expect(kit).toEqual({ ...KIT, requiredHashtags: ['#EcoSip'] })
    expect(campaignBriefSchema.parse({ theme: 't', product: 'p', targetAudience: 'a', tone: 'calm', brand: KIT }).brand?.requiredHashtags).toEqual(['#EcoSip'])
  })

  it('needs a name, and only that', () => {
    expect(errorsOf({ name: '  ' })).toEqual({ name: ['Required'] })
    expect(brandKitRequestSchema.parse({ name: 'Bare' })).toEqual({ name: 'Bare', palette: [], bannedTerms: [], requiredHashtags: [] })
  })

  it('bounds every field as a brief\'s brand is bounded', () => {
    expect(errorsOf({
      name: 'n'.repeat(101),
      accountName: 'a'.repeat(101),
      voice: 'v'.repeat(1001),
      exampleSentences: Array.from({ length: 6 }, (_, index) => `Sentence ${index}`),
      palette: ['blue'],
      requiredHashtags: Array.from({ length: 6 }, (_, index) => `Tag${index}`),
      requiredDisclaimer: 'd'.repeat(301),
    })).toEqual({
      'name': ['At most 100 characters'],
      'accountName': ['At most 100 characters'],
      'voice': ['At most 1000 characters'],
      'exampleSentences': ['At most 5 sentences'],
      'palette.0': ['A hex colour such as #1A2B3C'],
      'requiredHashtags': [expect.any(String)],
      'requiredDisclaimer': [expect.any(String)],
    })
    expect(errorsOf({ exampleSentences: ['s'.repeat(301)] })).toEqual({ 'exampleSentences.0': ['At most 300 characters'] })
    expect(errorsOf({ voice: 'a\u0000b' })).toEqual({ voice: [UNSTORABLE_TEXT_MESSAGE] })
  })

  it('in a brief names the kit it was copied from only by a kit id', () => {
    const brief = { theme: 't', product: 'p', targetAudience: 'a', tone: 'calm' }
    expect(campaignBriefSchema.safeParse({ ...brief, brand: { ...KIT, kitId: '0b6a4d8e-7c1f-4e5a-9d2b-3c4e5f6a7b8c' } }).success).toBe(true)
    const result = campaignBriefSchema.safeParse({ ...brief, brand: { kitId: 'camp_abc' } })
    expect(result.success ? {} : fieldErrors(result.error)).toEqual({ 'brand.kitId': ['A brand kit id'] })
  })
})
