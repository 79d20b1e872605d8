import { defineEventHandler } from 'h3'
import { artifactTypeParam, campaignRequest } from '../../../../../http/campaign-request'

// `{artifact}` is an artifact type here (Copy, ShortCopy, Visual).
export default defineEventHandler(async (event) => {
  const { userId, campaignId, campaigns } = await campaignRequest(event)
  return campaigns.approve(userId, campaignId, artifactTypeParam(event))
})
