import { ARTIFACT_TYPES, type ArtifactType, type CampaignBrief } from '#shared/campaign'
import { OfflineWriter } from '../../../../server/engine/writers/offline'
import type { WriteRequest, WrittenArtifact } from '../../../../server/engine/writers/types'

export const ALL_TYPES: readonly ArtifactType[] = ARTIFACT_TYPES

export interface WriteResult extends WrittenArtifact {
  type: ArtifactType
  chunks: string[]
}

export async function writeOne(brief: CampaignBrief, type: ArtifactType, options: Partial<Omit<WriteRequest, 'brief' | 'type' | 'onText'>> = {}, writer = new OfflineWriter({ paceMs: 0 })): Promise<WriteResult> {
  const chunks: string[] = []
  const written = await writer.write({
    campaignId: 'cmp_test',
    iteration: 1,
    feedback: [],
    tags: [],
    signal: new AbortController().signal,
    ...options,
    brief,
    type,
    onText: chunk => chunks.push(chunk),
  })
  return { ...written, type, chunks }
}

export function writeAll(brief: CampaignBrief, options: Partial<Omit<WriteRequest, 'brief' | 'type' | 'onText'>> = {}): Promise<WriteResult[]> {
  return Promise.all(ALL_TYPES.map(type => writeOne(brief, type, options)))
}
