import { campaignBriefSchema, type CampaignBrief } from '#shared/campaign'
import type { WriteRequest } from '../../../server/engine/writers/types'

export const brief: CampaignBrief = campaignBriefSchema.parse({
  theme: 'Spring refill launch',
  product: 'EcoSip refillable bottle',
  targetAudience: 'Commuters who buy bottled water every day',
  tone: 'Warm and practical',
  constraints: ['Must include "refill"'],
  platforms: ['x', 'linkedin', 'instagram'],
  brand: { name: 'EcoSip', palette: ['#0B3D2E', '#F4F1E8'], requiredHashtags: ['#EcoSip'] },
})

export function writeRequest(overrides: Partial<WriteRequest> = {}): WriteRequest & { chunks: string[] } {
  const chunks: string[] = []
  return {
    campaignId: 'campaign-1',
    brief,
    type: 'Copy',
    iteration: 1,
    feedback: [],
    tags: [],
    signal: new AbortController().signal,
    onText: chunk => chunks.push(chunk),
    chunks,
    ...overrides,
  }
}

export const COPY_PROSE = [
  'Headlines: Refill your commute. ',
  'Sip, refill, repeat. ',
  'One bottle, every morning.\n\n',
  'Body: EcoSip makes the daily refill easy.\n\n',
]

export const copyStructure = {
  headlines: ['Refill your commute', 'Sip, refill, repeat', 'One bottle, every morning'],
  body: {
    short: 'Refill EcoSip on the way to work.',
    medium: 'EcoSip is the bottle you refill on the way to work, every day.',
    long: 'EcoSip is the bottle you refill on the way to work. It keeps water cool for hours.\n\nFind a refill point near you.',
  },
  callsToAction: ['Find a refill point', 'Get your EcoSip', 'Start refilling today'],
  toneNote: 'Warm and practical: short sentences, everyday situations, no hype.',
}

export function shortCopyStructure(texts: { x?: string } = {}) {
  return {
    platforms: (['x', 'linkedin', 'instagram'] as const).map(platform => ({
      platform: platform === 'x' ? 'X' : platform === 'linkedin' ? 'LinkedIn' : 'Instagram',
      variants: [1, 2, 3].map(n => ({
        text: platform === 'x' && texts.x ? texts.x : `Refill variant ${n} for ${platform}: EcoSip on the go.`,
        hashtags: ['refill', '#commute'],
      })),
    })),
  }
}

export const visualStructure = {
  concepts: ['Morning platform', 'Desk refill'].map(name => ({
    name,
    palette: [{ hex: '#0b3d2e', role: 'background' }, { hex: '#F4F1E8', role: 'text' }, { hex: '#E0A526', role: 'accent' }],
    layout: ['Bottle in hand', 'Headline', 'Logo'],
    altText: { subject: 'A commuter refilling a bottle', purpose: 'Show the daily refill', mood: 'Calm', text: 'A commuter refills an EcoSip bottle at a station fountain.' },
    imagePrompt: 'Photo of a commuter refilling a green bottle at a station fountain, soft morning light.',
  })),
}

/** A streamed answer: prose chunks, then the structure in a ```json block split across chunks. */
export function answerChunks(prose: string[], structure: unknown): string[] {
  const json = JSON.stringify(structure, null, 2)
  const middle = Math.floor(json.length / 2)
  return [...prose, '``', '`json\n', json.slice(0, middle), json.slice(middle), '\n```\n']
}
