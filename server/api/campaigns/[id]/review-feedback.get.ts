import { defineEventHandler } from 'h3'
import { campaignRequest } from '../../../http/campaign-request'

export default defineEventHandler(async (event) => {
  const { userId, campaignId, campaigns } = await campaignRequest(event)
  return campaigns.reviewFeedback(userId, campaignId)
})
