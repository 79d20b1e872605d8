import { defineEventHandler, setResponseHeader, setResponseStatus } from 'h3'
import { campaignBriefSchema } from '#shared/campaign'
import { useCampaignEngine } from '../../app/campaign-runtime'
import { assertOwnBrandKit } from '../../http/brief-brand-kit'
import { readValidatedJson } from '../../http/read-validated-body'
import { requireCurrentUser } from '../../utils/current-user'

export default defineEventHandler(async (event) => {
  const user = await requireCurrentUser(event)
  const brief = await readValidatedJson(event, campaignBriefSchema)
  await assertOwnBrandKit(user.id, brief)
  const campaign = await (await useCampaignEngine()).service.create(user.id, brief)
  setResponseStatus(event, 201)
  setResponseHeader(event, 'Location', `/api/campaigns/${campaign.id}`)
  return campaign
})
