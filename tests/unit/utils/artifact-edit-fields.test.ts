import { describe, expect, it } from 'vitest'
import { artifactEditSchema, type ArtifactMetadata, type ArtifactType, type CampaignArtifact } from '#shared/campaign'
import { editFieldsOf, editRequestOf } from '../../../utils/artifact-edit-fields'
import { makeBrief } from '../engine/support/fixtures'
import { writeOne } from '../engine/support/write'

async function artifactOf(type: ArtifactType): Promise<CampaignArtifact> {
  const written = await writeOne(makeBrief(), type)
  return {
    id: 'art_1', campaignId: 'camp_1', type, content: written.content, createdAt: new Date(0).toISOString(), agentName: 'writer',
    metadata: { ...written.metadata, model: 'offline-writer', iteration: 2 } as ArtifactMetadata,
  }
}

describe('the edit form\'s fields', () => {
  it.each(['Copy', 'ShortCopy', 'Visual'] as const)('sends %s back unchanged when nothing was edited, based on the version shown', async (type) => {
    const artifact = await artifactOf(type)
    const request = artifactEditSchema.parse(editRequestOf(artifact, {}))
    expect(request).toMatchObject({ type, basedOn: 2 })
    const unchanged = Object.fromEntries(editFieldsOf(artifact).map(field => [field.path, field.value]))
    expect(editRequestOf(artifact, unchanged)).toEqual(editRequestOf(artifact, {}))
  })

  it.each(['Copy', 'ShortCopy', 'Visual'] as const)('names each %s field by the path the server reports its errors under', async (type) => {
    const artifact = await artifactOf(type)
    for (const field of editFieldsOf(artifact)) {
      const result = artifactEditSchema.safeParse(editRequestOf(artifact, { [field.path]: ' ' }))
      expect(result.error?.issues.map(issue => issue.path.join('.')), field.label).toEqual([field.path])
    }
  })

  it('labels fields so each can be found by its name', async () => {
    const labels = (await Promise.all((['Copy', 'ShortCopy', 'Visual'] as const).map(artifactOf))).flatMap(editFieldsOf).map(field => field.label)
    expect(labels).toEqual(expect.arrayContaining(['Headline 1', 'Body (long)', 'Call to action 3', 'X post 1', 'LinkedIn post 3', 'Concept 1 alt text', 'Concept 2 image prompt']))
    expect(new Set(labels).size).toBe(labels.length)
  })
})
