import { defineEventHandler, sendNoContent } from 'h3'
import { campaignRequest } from '../../../http/campaign-request'

export default defineEventHandler(async (event) => {
  const { userId, campaignId, campaigns } = await campaignRequest(event)
  await campaigns.delete(userId, campaignId)
  return sendNoContent(event, 204)
})
