import type { CampaignBrief } from '#shared/campaign'
import { makeBrief } from './fixtures'

/** Realistic briefs of different kinds: consumer, B2B, luxury, charity, health-adjacent. */
export const REALISTIC_BRIEFS: ReadonlyArray<{ name: string, brief: CampaignBrief }> = [
  {
    name: 'consumer, full brand kit',
    brief: makeBrief({
      theme: 'Summer hydration',
      product: 'EcoSip insulated bottle, made from recycled steel',
      targetAudience: 'Eco-conscious commuters who cycle to work',
      tone: 'Playful and upbeat',
      constraints: ['Must include free shipping over $30', 'Avoid "cheap"'],
      brand: { name: 'EcoSip', palette: ['#0A7E8C', '#F2C14E', '#FFFFFF'], bannedTerms: ['plastic'], requiredHashtags: ['#StayCool'], requiredDisclaimer: 'Offer valid in the US until 31 August.' },
    }),
  },
  {
    name: 'B2B software',
    brief: makeBrief({
      theme: 'Quarter-end reporting without the scramble',
      product: 'LedgerLoop, an accounting automation platform for mid-size finance teams',
      targetAudience: 'Finance managers at companies with 50 to 500 employees',
      tone: 'Professional and confident',
      platforms: ['linkedin', 'x'],
      brand: { name: 'LedgerLoop', palette: ['#0B2545', '#EEF4ED', '#8DA9C4'] },
    }),
  },
  {
    name: 'luxury, no brand kit',
    brief: makeBrief({
      theme: 'Autumn collection launch',
      product: 'Maison Verre hand-blown glassware',
      targetAudience: 'Design-minded homeowners',
      tone: 'Elegant and understated',
      platforms: ['instagram', 'facebook', 'tiktok'],
    }),
  },
  {
    name: 'charity event',
    brief: makeBrief({
      theme: 'Run for clean water',
      product: 'The Clean Water 10K on 14 September',
      targetAudience: 'Amateur runners in Manchester',
      tone: 'Bold and inspiring',
      constraints: ['Must include registration closes 1 September', 'Avoid "easy"'],
      brand: { name: 'WaterAid North', requiredDisclaimer: 'Registered charity no. 1234567.', requiredHashtags: ['#RunForWater', '#CleanWater10K'] },
    }),
  },
  {
    name: 'supplement with banned health terms',
    brief: makeBrief({
      theme: 'Sleep well this winter',
      product: 'DreamWell magnesium supplement',
      targetAudience: 'Adults with busy schedules',
      tone: 'Calm and reassuring',
      platforms: ['x', 'instagram', 'facebook'],
      brand: { name: 'DreamWell', palette: ['#2E2A4F', '#C9B8E8'], bannedTerms: ['cure', 'treat', 'insomnia'], requiredDisclaimer: 'Food supplements should not replace a varied, balanced diet and a healthy lifestyle.' },
    }),
  },
]
