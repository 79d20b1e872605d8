import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CampaignBriefInput } from '#shared/campaign'
import { copyFaults, type BriefNames } from '../support/copy-faults'
import { makeBrief } from '../support/fixtures'
import { writeAll } from '../support/write'

// Names in several scripts and forms: accents typed two ways, right-to-left, CJK, emoji, inner capitals.
const NAMES = ['Aurelle', 'Ledgerly', 'VitaShield', 'Café Noël', 'Cafe\u0301 Lumière', 'مرحبا', 'שלום', 'Zoë', 'iGlow', '東京', 'Rocket 🚀', 'Ñandú', 'Ōkami', 'Tools for Schools']
const PRODUCTS: ReadonlyArray<{ noun: string, kind: BriefNames['kind'] }> = [
  { noun: 'Night Serum', kind: 'goods' },
  { noun: 'trail running shoe', kind: 'goods' },
  { noun: 'coffee', kind: 'goods' },
  { noun: 'supplement', kind: 'goods' },
  { noun: 'planner app', kind: 'software' },
  { noun: 'accounting platform', kind: 'software' },
  { noun: '10K run', kind: 'event' },
  { noun: 'summer festival', kind: 'event' },
  { noun: '', kind: 'unknown' },
]
// Descriptions after the name, in the shapes briefs use, some with claims the audit must get to see.
const DESCRIPTIONS = ['', ' with 0.3% encapsulated retinol', ' that cures cancer and is 100% guaranteed', ', made from recycled steel', ', a gift for people who have everything', ' for dry skin', ' (limited edition)', ' — now in three colours']
const THEMES = ['Tax season without the panic', 'Your morning ritual', 'New year immunity', 'Summer hydration', 'Back to school', '🎉 Spring launch', 'رمضان كريم', 'Single origin, single purpose', 'Make it yours', 'The best spring ever']
const AUDIENCES = ['busy parents', 'Finance managers at companies with 50 to 500 employees', 'UK nurses', 'iPhone users', 'women over 35', 'Eco-conscious commuters who cycle to work', 'طلاب الجامعات', 'Gen Z gamers', 'first-time buyers 🏡']
const TONES = ['Playful and upbeat', 'Professional', 'Warm and reassuring', 'Bold, energetic', 'Elegant and understated', 'Sarcastic', 'calm', 'Friendly 😊']
const CONSTRAINTS = [
  'Must include free shipping over $30',
  'Mention free returns',
  'Mention "Made in Wales"',
  'Mention that the first bag is free',
  'Avoid "cheap"',
  'Don\'t say "miracle"',
  'Do not make health claims',
  'Keep LinkedIn under 600 characters',
  'Include a link to beanbox.example/start',
  'End with a CTA to beanbox.example/start',
  '- No emoji',
  'NEVER use the word "discount".',
  'Always sound human',
]

const brief = fc.record({
  name: fc.constantFrom(...NAMES),
  product: fc.constantFrom(...PRODUCTS),
  description: fc.constantFrom(...DESCRIPTIONS),
  theme: fc.constantFrom(...THEMES),
  audience: fc.constantFrom(...AUDIENCES),
  tone: fc.constantFrom(...TONES),
  constraints: fc.subarray(CONSTRAINTS, { maxLength: 5 }),
  platforms: fc.subarray(['x', 'linkedin', 'instagram', 'facebook', 'tiktok'] as const, { minLength: 1 }),
  brandName: fc.option(fc.constantFrom('Northwind', 'Acme & Co', 'Brisa'), { nil: undefined }),
  disclaimer: fc.option(fc.constantFrom('Offer ends 31 May.', 'Terms apply.'), { nil: undefined }),
  requiredHashtags: fc.subarray(['#StayCool', '#Launch2025'], { maxLength: 2 }),
  campaignId: fc.constantFrom('cmp_a', 'cmp_b', 'cmp_c'),
})

describe('the built-in writer over generated briefs', () => {
  it('writes clean copy for every brief: whole names, no doubled words, no constraint text, fitting calls to action, tags from the brief', async () => {
    await fc.assert(fc.asyncProperty(brief, async (generated) => {
      const name = [generated.name, generated.product.noun].filter(Boolean).join(' ')
      const input: CampaignBriefInput = {
        theme: generated.theme,
        product: `${name}${generated.description}`,
        targetAudience: generated.audience,
        tone: generated.tone,
        constraints: generated.constraints,
        platforms: [...generated.platforms],
        brand: { name: generated.brandName, requiredDisclaimer: generated.disclaimer, requiredHashtags: generated.requiredHashtags },
      }
      const parsed = makeBrief(input)
      const names: BriefNames = { name, kind: generated.product.kind }
      for (const written of await writeAll(parsed, { campaignId: generated.campaignId })) {
        expect(copyFaults(parsed, names, written), `${written.type} for ${JSON.stringify(input)}`).toEqual([])
      }
    }), { numRuns: 300 })
  }, 120_000)
})
