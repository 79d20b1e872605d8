import { defineEventHandler, setResponseStatus } from 'h3'
import { campaignRequest } from '../../../http/campaign-request'

export default defineEventHandler(async (event) => {
  const { userId, campaignId, campaigns } = await campaignRequest(event)
  const accepted = await campaigns.generate(userId, campaignId)
  setResponseStatus(event, 202)
  return accepted
})
