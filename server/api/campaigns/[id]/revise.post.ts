import { defineEventHandler, setResponseStatus } from 'h3'
import { reviseRequestSchema } from '#shared/campaign'
import { campaignRequest } from '../../../http/campaign-request'
import { readValidatedJson } from '../../../http/read-validated-body'

export default defineEventHandler(async (event) => {
  const { userId, campaignId, campaigns } = await campaignRequest(event)
  const { feedback, specificChanges } = await readValidatedJson(event, reviseRequestSchema)
  const accepted = await campaigns.revise(userId, campaignId, feedback, specificChanges)
  setResponseStatus(event, 202)
  return accepted
})
