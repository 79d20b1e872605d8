import { defineEventHandler, getRouterParam, setResponseStatus } from 'h3'
import { versionNumberSchema } from '#shared/campaign'
import { useCampaignEngine } from '../../../../../../../app/campaign-runtime'
import { artifactEditRequest } from '../../../../../../../http/campaign-request'
import { validate } from '../../../../../../../http/read-validated-body'

// `{artifact}` is an artifact type or the id of any of its versions; `{n}` the version to restore.
export default defineEventHandler(async (event) => {
  const { editor, campaignId, artifact } = await artifactEditRequest(event)
  const iteration = validate(versionNumberSchema, getRouterParam(event, 'n'))
  const version = await (await useCampaignEngine()).editor.restore(editor, campaignId, artifact, iteration)
  setResponseStatus(event, 201)
  return version
})
