import { defineEventHandler, getRouterParam } from 'h3'
import { campaignRequest } from '../../../../../http/campaign-request'

// `{artifact}` is an artifact id here: the versions of that artifact's type, newest first.
export default defineEventHandler(async (event) => {
  const { userId, campaignId, campaigns } = await campaignRequest(event)
  return campaigns.versions(userId, campaignId, getRouterParam(event, 'artifact') ?? '')
})
