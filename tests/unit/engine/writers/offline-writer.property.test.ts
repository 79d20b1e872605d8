import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeBrief, type BriefCheck } from '#shared/brief-contract'
import type { CampaignBriefInput } from '#shared/campaign'
import { auditArtifacts } from '../../../../server/engine/compliance'
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
  'Keep posts under 250 characters',
  'X posts: max 200 characters',
  'Keep headlines under 40 characters',
  'Keep the body copy under 450 characters',
  'Calls to action under 60 characters',
  'Alt text: at most 90 characters',
  'CTA: "Book a tasting"',
  'Include the disclaimer "Results may vary."',
  'Always use #BeanBox',
  'At most 2 hashtags',
  'No hashtags',
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

type Generated = typeof brief extends fc.Arbitrary<infer T> ? T : never

function nameOf(generated: Generated): string {
  return [generated.name, generated.product.noun].filter(Boolean).join(' ')
}

function inputOf(generated: Generated): CampaignBriefInput {
  return {
    theme: generated.theme,
    product: `${nameOf(generated)}${generated.description}`,
    targetAudience: generated.audience,
    tone: generated.tone,
    constraints: generated.constraints,
    platforms: [...generated.platforms],
    brand: { name: generated.brandName, requiredDisclaimer: generated.disclaimer, requiredHashtags: generated.requiredHashtags },
  }
}

/** The checks the writer can honour by construction: it controls every word these judge. */
const HONOURED: ReadonlySet<BriefCheck['kind']> = new Set(['max-length', 'required-link', 'call-to-action', 'required-disclaimer', 'required-hashtags', 'max-hashtags', 'emoji'])
const EMOJI = /\p{Extended_Pictographic}/u

/**
 * Checks the brief itself makes impossible, which the audit must then report: more required tags than
 * the brief allows, or emoji ruled out while the product, theme or audience carries one (names are never
 * rewritten).
 */
function impossible(check: BriefCheck, input: CampaignBriefInput, checks: readonly BriefCheck[]): boolean {
  if (check.kind === 'max-hashtags') {
    const required = new Set([...(input.brand?.requiredHashtags ?? []), ...checks.flatMap(other => (other.kind === 'required-hashtags' ? other.tags : []))].map(tag => tag.toLowerCase()))
    return required.size > check.max
  }
  if (check.kind === 'emoji') return [input.product, input.theme, input.targetAudience, input.brand?.name ?? ''].some(text => EMOJI.test(text))
  return false
}

describe('the built-in writer over generated briefs', () => {
  it('writes clean copy for every brief: whole names, no doubled words, no constraint text, fitting calls to action, tags from the brief', async () => {
    await fc.assert(fc.asyncProperty(brief, async (generated) => {
      const input = inputOf(generated)
      const parsed = makeBrief(input)
      const names: BriefNames = { name: nameOf(generated), kind: generated.product.kind }
      for (const written of await writeAll(parsed, { campaignId: generated.campaignId })) {
        expect(copyFaults(parsed, names, written), `${written.type} for ${JSON.stringify(input)}`).toEqual([])
      }
    }), { numRuns: 300 })
  }, 120_000)

  it('honours the brief\'s lengths, link, call to action, disclaimer, hashtags and emoji rule, as the audit judges them', async () => {
    await fc.assert(fc.asyncProperty(brief, async (generated) => {
      const input = inputOf(generated)
      const parsed = makeBrief(input)
      const { checks } = analyzeBrief(parsed)
      const written = await writeAll(parsed, { campaignId: generated.campaignId, checks })
      const audit = auditArtifacts({ campaignId: generated.campaignId, brief: parsed, checks, artifacts: written })
      const broken = (audit.checks ?? []).filter((audited) => {
        const check = checks.find(candidate => candidate.id === audited.checkId)
        return check && HONOURED.has(check.kind) && !impossible(check, input, checks) && audited.occurrences.length > 0
      })
      expect(broken.map(check => ({ title: check.title, occurrences: check.occurrences })), JSON.stringify(input)).toEqual([])
    }), { numRuns: 300 })
  }, 120_000)
})
