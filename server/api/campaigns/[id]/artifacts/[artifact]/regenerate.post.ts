import { defineEventHandler, setResponseStatus } from 'h3'
import { regenerateRequestSchema } from '#shared/campaign'
import { artifactTypeParam, campaignRequest } from '../../../../../http/campaign-request'
import { readValidatedJson } from '../../../../../http/read-validated-body'

// `{artifact}` is an artifact type here (one of ARTIFACT_TYPES).
export default defineEventHandler(async (event) => {
  const { userId, campaignId, campaigns } = await campaignRequest(event)
  const type = artifactTypeParam(event)
  const { feedback, tags } = await readValidatedJson(event, regenerateRequestSchema)
  const accepted = await campaigns.regenerate(userId, campaignId, type, feedback, tags)
  setResponseStatus(event, 202)
  return accepted
})
