import { campaignBriefSchema, type CampaignBrief, type CampaignBriefInput, type CopyMetadata, type VisualConcept } from '#shared/campaign'
import type { ArtifactUnderAudit } from '../../../../server/engine/compliance'
import { finishShortCopy, finishVisualConcepts, type ShortCopyDraft } from '../../../../server/engine/content'

export function makeBrief(overrides: Partial<CampaignBriefInput> = {}): CampaignBrief {
  return campaignBriefSchema.parse({
    theme: 'Spring garden refresh',
    product: 'GreenThumb seed kit',
    targetAudience: 'First-time gardeners',
    tone: 'Warm and friendly',
    platforms: ['x', 'linkedin', 'instagram'],
    ...overrides,
  })
}

export type WrittenCopy = Omit<CopyMetadata, 'model' | 'iteration'>

/** Plain, compliant copy that individual tests change one thing in. */
export function makeCopy(overrides: Partial<WrittenCopy> = {}): WrittenCopy {
  return {
    headlines: ['Grow something new this spring', 'Meet the GreenThumb seed kit', 'Your garden starts here'],
    body: {
      short: 'The GreenThumb seed kit is made for first-time gardeners. Shop the kit today.',
      medium: 'The GreenThumb seed kit is made for first-time gardeners. It has seeds, soil and simple steps. Plant it this weekend and watch it grow. Shop the kit today.',
      long: 'The GreenThumb seed kit is made for first-time gardeners. It has seeds, soil and simple steps in one box. You do not need a big garden or any tools.\n\nPlant it this weekend and watch it grow. Each step is short and clear. Shop the kit today and start your spring.',
    },
    callsToAction: ['Shop the kit today', 'Find out more', 'Start your garden'],
    toneNote: 'Warm and friendly.',
    ...overrides,
  }
}

export function copyArtifact(overrides: Partial<WrittenCopy> = {}): ArtifactUnderAudit {
  return { type: 'Copy', content: 'copy', metadata: makeCopy(overrides) }
}

const GOOD_POSTS = [
  'Spring is here. Shop the GreenThumb seed kit today.',
  'New to gardening? Start with the GreenThumb seed kit.',
  'Seeds, soil and simple steps. Find out more today.',
]

export function shortCopyDrafts(brief: CampaignBrief, posts: readonly string[] = GOOD_POSTS, hashtags: string[] = ['#GreenThumb']): ShortCopyDraft[] {
  return brief.platforms.map(platform => ({ platform, variants: posts.map(text => ({ text, hashtags })) }))
}

export function shortCopyArtifact(brief: CampaignBrief, drafts: ShortCopyDraft[] = shortCopyDrafts(brief)): ArtifactUnderAudit {
  return { type: 'ShortCopy', content: 'short copy', metadata: { platforms: finishShortCopy(brief, drafts) } }
}

export type ConceptDraft = Omit<VisualConcept, 'contrast'>

export function makeConcept(overrides: Partial<ConceptDraft> = {}): ConceptDraft {
  return {
    name: 'Hero shot',
    palette: [{ hex: '#FFFFFF', role: 'background' }, { hex: '#1B4332', role: 'text' }, { hex: '#95D5B2', role: 'accent' }],
    layout: ['Headline "Grow something new this spring"', 'Seed kit, centred', 'Call to action "Shop the kit today"'],
    altText: { subject: 'A seed kit on a potting bench', purpose: 'Introduce the kit', mood: 'fresh and calm', text: 'A seed kit on a potting bench, fresh and calm.' },
    imagePrompt: 'Photograph of a seed kit on a potting bench, soft morning light.',
    ...overrides,
  }
}

export function visualArtifact(brief: CampaignBrief, concepts: ConceptDraft[] = [makeConcept(), makeConcept({ name: 'Flat lay' })]): ArtifactUnderAudit {
  return { type: 'Visual', content: 'visual', metadata: { concepts: finishVisualConcepts(brief, concepts) } }
}
