import { defineEventHandler } from 'h3'
import type { ReviewDecisionList } from '#shared/campaign'
import { reviewDecisionsRequest } from '../../../../http/review-request'

export default defineEventHandler(async (event): Promise<ReviewDecisionList> => {
  const { userId, campaignId, decisions } = await reviewDecisionsRequest(event)
  return { campaignId, decisions: await decisions.list(userId, campaignId) }
})
