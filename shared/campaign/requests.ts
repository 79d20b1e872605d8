import { storableString } from '../schemas/storable-text'
import { z } from '../schemas/zod'
import { ARTIFACT_TYPES } from './artifacts'
import { CAMPAIGN_STATUSES } from './campaign'

/** `GET /api/campaigns` query: paging (pageSize at most 100) and an optional status filter. */
export const campaignListQuerySchema = z.object({
  page: z.coerce.number().int('A whole number').min(1, 'At least 1').default(1),
  pageSize: z.coerce.number().int('A whole number').min(1, 'At least 1').max(100, 'At most 100').default(20),
  status: z.enum(CAMPAIGN_STATUSES, { error: `One of ${CAMPAIGN_STATUSES.join(', ')}` }).optional(),
})

export const artifactTypeSchema = z.enum(ARTIFACT_TYPES, { error: `One of ${ARTIFACT_TYPES.join(', ')}` })

export const artifactsQuerySchema = z.object({ type: artifactTypeSchema.optional() })

/** `POST /api/campaigns/{id}/revise`: feedback for the whole campaign. */
export const reviseRequestSchema = z.object({
  feedback: storableString().trim().min(1, 'Say what should change').max(2000, 'At most 2000 characters'),
  specificChanges: z.array(storableString().trim().min(1).max(500)).max(20).default([]),
})

/** `POST /api/campaigns/{id}/artifacts/{type}/regenerate`: feedback and tags for one artifact. */
export const regenerateRequestSchema = z.object({
  feedback: storableString().trim().max(2000, 'At most 2000 characters').default(''),
  tags: z.array(storableString().trim().min(1).max(40)).max(10).default([]),
})

export type ReviseRequest = z.input<typeof reviseRequestSchema>
export type RegenerateRequest = z.input<typeof regenerateRequestSchema>
