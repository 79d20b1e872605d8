import { defineEventHandler, getQuery } from 'h3'
import { reviewFeedbackQuerySchema } from '#shared/campaign'
import { campaignRequest } from '../../../http/campaign-request'
import { validate } from '../../../http/read-validated-body'

export default defineEventHandler(async (event) => {
  const { userId, campaignId, campaigns } = await campaignRequest(event)
  return campaigns.reviewFeedback(userId, campaignId, validate(reviewFeedbackQuerySchema, getQuery(event)))
})
