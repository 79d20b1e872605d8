import { defineEventHandler } from 'h3'
import { analyzeBrief } from '#shared/brief-contract'
import { campaignBriefSchema } from '#shared/campaign'
import { readValidatedJson } from '../../http/read-validated-body'
import { requireCurrentUser } from '../../utils/current-user'

/** What the audit would check for this brief, before any campaign exists: the launch form shows it as the marketer types. */
export default defineEventHandler(async (event) => {
  await requireCurrentUser(event)
  const brief = await readValidatedJson(event, campaignBriefSchema)
  return analyzeBrief(brief)
})
