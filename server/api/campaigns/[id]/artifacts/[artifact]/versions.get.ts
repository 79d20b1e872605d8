import { defineEventHandler, getQuery, getRouterParam } from 'h3'
import { versionsQuerySchema } from '#shared/campaign'
import { campaignRequest } from '../../../../../http/campaign-request'
import { validate } from '../../../../../http/read-validated-body'

// `{artifact}` is an artifact id here: a page of the versions of that artifact's type, newest first.
export default defineEventHandler(async (event) => {
  const { userId, campaignId, campaigns } = await campaignRequest(event)
  const query = validate(versionsQuerySchema, getQuery(event))
  return campaigns.versions(userId, campaignId, getRouterParam(event, 'artifact') ?? '', query)
})
