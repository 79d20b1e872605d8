import { defineEventHandler } from 'h3'
import { campaignBriefSchema } from '#shared/campaign'
import { assertOwnBrandKit } from '../../../http/brief-brand-kit'
import { campaignRequest } from '../../../http/campaign-request'
import { readValidatedJson } from '../../../http/read-validated-body'

export default defineEventHandler(async (event) => {
  const { userId, campaignId, campaigns } = await campaignRequest(event)
  const brief = await readValidatedJson(event, campaignBriefSchema)
  await assertOwnBrandKit(userId, brief)
  return campaigns.editBrief(userId, campaignId, brief)
})
