import { storableString } from '../schemas/storable-text'
import { z } from '../schemas/zod'
import { brandFieldsSchema } from './brief'

/** How many brand kits one account may keep: a list a person can still choose from. */
export const MAX_BRAND_KITS_PER_USER = 50

/**
 * `POST /api/brand-kits` and `PUT /api/brand-kits/{id}`: a brief's brand fields, with the name
 * required, as a saved kit is chosen by it.
 */
export const brandKitRequestSchema = brandFieldsSchema.extend({
  name: storableString().trim().min(1, 'Required').max(100, 'At most 100 characters'),
})
export type BrandKitRequest = z.input<typeof brandKitRequestSchema>
export type BrandKitFields = z.output<typeof brandKitRequestSchema>

/** A saved brand kit as the API answers it. */
export const savedBrandKitSchema = z.object({
  id: z.string(),
  name: z.string(),
  accountName: z.string().optional(),
  voice: z.string().optional(),
  exampleSentences: z.array(z.string()),
  palette: z.array(z.string()),
  bannedTerms: z.array(z.string()),
  requiredHashtags: z.array(z.string()),
  requiredDisclaimer: z.string().optional(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
})
export type SavedBrandKit = z.output<typeof savedBrandKitSchema>

export const brandKitListSchema = z.object({ items: z.array(savedBrandKitSchema) })
