import { getRouterParam, type H3Event } from 'h3'
import { artifactTypeSchema } from '#shared/campaign'
import { useCampaignEngine } from '../app/campaign-runtime'
import type { Editor } from '../engine/campaigns/artifact-editor'
import type { CampaignService } from '../engine/campaigns/campaign-service'
import { requireCurrentUser } from '../utils/current-user'
import { validate } from './read-validated-body'

/** What every campaign endpoint starts with: the signed-in owner, the campaign id and the service. */
export async function campaignRequest(event: H3Event): Promise<{ userId: string, campaignId: string, campaigns: CampaignService }> {
  const user = await requireCurrentUser(event)
  return { userId: user.id, campaignId: getRouterParam(event, 'id') ?? '', campaigns: (await useCampaignEngine()).service }
}

/** An edit or restore: the signed-in owner as its editor, the campaign and the `{artifact}` segment. */
export async function artifactEditRequest(event: H3Event): Promise<{ editor: Editor, campaignId: string, artifact: string }> {
  const user = await requireCurrentUser(event)
  return { editor: { id: user.id, name: user.name }, campaignId: getRouterParam(event, 'id') ?? '', artifact: getRouterParam(event, 'artifact') ?? '' }
}

/** The `{type}` path segment as an artifact type (400 otherwise). */
export function artifactTypeParam(event: H3Event) {
  return validate(artifactTypeSchema, getRouterParam(event, 'artifact'))
}
