import { defineEventHandler, getQuery } from 'h3'
import { artifactsQuerySchema } from '#shared/campaign'
import { campaignRequest } from '../../../../http/campaign-request'
import { validate } from '../../../../http/read-validated-body'

export default defineEventHandler(async (event) => {
  const { userId, campaignId, campaigns } = await campaignRequest(event)
  const { type } = validate(artifactsQuerySchema, getQuery(event))
  return campaigns.artifacts(userId, campaignId, type)
})
