import { defineEventHandler, getQuery } from 'h3'
import { campaignListQuerySchema } from '#shared/campaign'
import { useCampaignEngine } from '../../app/campaign-runtime'
import { validate } from '../../http/read-validated-body'
import { requireCurrentUser } from '../../utils/current-user'

export default defineEventHandler(async (event) => {
  const user = await requireCurrentUser(event)
  const query = validate(campaignListQuerySchema, getQuery(event))
  return (await useCampaignEngine()).service.list(user.id, query)
})
