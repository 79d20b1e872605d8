import { defineEventHandler, setResponseStatus } from 'h3'
import { artifactEditSchema } from '#shared/campaign'
import { useCampaignEngine } from '../../../../../app/campaign-runtime'
import { artifactEditRequest } from '../../../../../http/campaign-request'
import { readValidatedJson } from '../../../../../http/read-validated-body'

// `{artifact}` is an artifact type or the id of any of its versions: the edit makes its next version.
export default defineEventHandler(async (event) => {
  const { editor, campaignId, artifact } = await artifactEditRequest(event)
  const edit = await readValidatedJson(event, artifactEditSchema)
  const version = await (await useCampaignEngine()).editor.edit(editor, campaignId, artifact, edit)
  setResponseStatus(event, 201)
  return version
})
