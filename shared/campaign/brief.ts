import { storableString } from '../schemas/storable-text'
import { z } from '../schemas/zod'
import { DEFAULT_PLATFORMS, PLATFORMS } from './platforms'

/** Social platforms short copy is written for, each with its own length rule. */

const text = (max: number) => storableString().trim().min(1, 'Required').max(max, `At most ${max} characters`)
const hexColour = storableString().trim().regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i, 'A hex colour such as #1A2B3C')
const hashtag = storableString().trim().regex(/^#?[\p{L}\p{N}_]{1,60}$/u, 'A hashtag: letters, digits and underscores')
  .transform(tag => (tag.startsWith('#') ? tag : `#${tag}`))

/**
 * The brand's fields, as a saved brand kit and a brief's brand both hold them. The voice and its
 * example sentences go to a model writer with the rest of the brief.
 */
export const brandFieldsSchema = z.object({
  name: storableString().trim().max(100).optional(),
  /** The name posts are previewed under; the brand name when absent. */
  accountName: storableString().trim().max(100, 'At most 100 characters').optional(),
  voice: storableString().trim().max(1000, 'At most 1000 characters').optional(),
  exampleSentences: z.array(text(300)).max(5, 'At most 5 sentences').optional(),
  palette: z.array(hexColour).max(8).default([]),
  bannedTerms: z.array(text(60)).max(50).default([]),
  requiredHashtags: z.array(hashtag).max(5).default([]),
  requiredDisclaimer: storableString().trim().max(300).optional(),
})

/** A brief's brand: its fields, and the saved kit they were copied from (a snapshot: later edits of the kit do not reach it). */
export const brandKitSchema = brandFieldsSchema.extend({
  kitId: z.uuid('A brand kit id').optional(),
})

/** A marketer's campaign brief, as the launch form and `POST /api/campaigns` accept it. */
export const campaignBriefSchema = z.object({
  theme: text(200),
  product: text(200),
  targetAudience: text(500),
  tone: text(100),
  constraints: z.array(text(300)).max(20).default([]),
  platforms: z.array(z.enum(PLATFORMS)).min(1, 'Choose at least one platform').max(PLATFORMS.length)
    .default(DEFAULT_PLATFORMS)
    .transform(platforms => [...new Set(platforms)]),
  brand: brandKitSchema.optional(),
  executionMode: z.enum(['parallel', 'sequential']).default('parallel'),
})

export type CampaignBriefInput = z.input<typeof campaignBriefSchema>
export type CampaignBrief = z.output<typeof campaignBriefSchema>
export type BrandKit = z.output<typeof brandKitSchema>
