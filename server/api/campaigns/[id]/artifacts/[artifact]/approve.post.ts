import { defineEventHandler } from 'h3'
import { artifactTypeParam, campaignRequest } from '../../../../../http/campaign-request'

// `{artifact}` is an artifact type here (one of ARTIFACT_TYPES).
export default defineEventHandler(async (event) => {
  const { userId, campaignId, campaigns } = await campaignRequest(event)
  return campaigns.approve(userId, campaignId, artifactTypeParam(event))
})
