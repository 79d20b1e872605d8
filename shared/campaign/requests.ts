import { storableString } from '../schemas/storable-text'
import { z } from '../schemas/zod'
import { ARTIFACT_TYPES } from './artifacts'
import { CAMPAIGN_STAGES, CAMPAIGN_STATUSES } from './campaign'

/** A stage filter of the list: one stage, or `Running` for any stage of a run under way (not awaiting review). */
export const CAMPAIGN_LIST_STAGES = [...CAMPAIGN_STAGES, 'Running'] as const
export type CampaignListStage = (typeof CAMPAIGN_LIST_STAGES)[number]
/** Newest first (`-created`, the default) or oldest first, by creation or by last change. */
export const CAMPAIGN_LIST_SORTS = ['-created', 'created', '-updated', 'updated'] as const
export type CampaignListSort = (typeof CAMPAIGN_LIST_SORTS)[number]

/**
 * `GET /api/campaigns` query: paging (pageSize at most 100), optional status and stage filters, a
 * search of theme and product (at most 100 characters, case-insensitive, matched anywhere) and the order.
 */
export const campaignListQuerySchema = z.object({
  page: z.coerce.number().int('A whole number').min(1, 'At least 1').default(1),
  pageSize: z.coerce.number().int('A whole number').min(1, 'At least 1').max(100, 'At most 100').default(20),
  status: z.enum(CAMPAIGN_STATUSES, { error: `One of ${CAMPAIGN_STATUSES.join(', ')}` }).optional(),
  stage: z.enum(CAMPAIGN_LIST_STAGES, { error: `One of ${CAMPAIGN_LIST_STAGES.join(', ')}` }).optional(),
  q: storableString().trim().max(100, 'At most 100 characters').optional(),
  sort: z.enum(CAMPAIGN_LIST_SORTS, { error: `One of ${CAMPAIGN_LIST_SORTS.join(', ')}` }).default('-created'),
})
export type CampaignListQuery = z.output<typeof campaignListQuerySchema>

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
