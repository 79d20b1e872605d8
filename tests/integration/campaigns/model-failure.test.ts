import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArtifactType } from '#shared/campaign'
import { registerUser, type RegisteredUser } from '../../support/api-client'
import type { RunningApp } from '../../support/app-server'
import { connectCampaignHub } from '../../support/campaign-hub'
import { createCampaign, iterations, startCampaignApp, waitForCampaign } from '../../support/campaigns'
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../models/fake-openai-server'
import { artifactTypeOf, campaignModel, MODEL_BRIEF } from './model-replies'

/** A configured model that keeps failing one artifact: retries, then Failed, then a regenerate that heals it. */
describe('a campaign whose model fails one artifact', () => {
  const failing = new Set<ArtifactType>(['Visual'])
  let model: FakeOpenAIServer
  let app: RunningApp
  let owner: RegisteredUser
  beforeAll(async () => {
    model = await startFakeOpenAIServer(campaignModel(failing))
    app = await startCampaignApp({
      MODEL_PROVIDER: 'openai-compatible',
      OPENAI_COMPATIBLE_BASE_URL: model.baseURL,
      OPENAI_COMPATIBLE_MODEL: 'test-model',
      MODEL_TIMEOUT_MS: '10000',
      // Retries wait milliseconds rather than seconds.
      MODEL_RETRY_BASE_DELAY_MS: '5',
    })
    owner = await registerUser(app.url)
  })
  afterAll(async () => {
    await app?.stop()
    await model?.close()
  })

  const writesFor = (type: ArtifactType) => model.requests.filter(request => artifactTypeOf(request) === type).length

  it('retries three times, keeps the other artifacts, fails with a reason, and recovers by regenerating that type', async () => {
    const id = await createCampaign(owner.client, MODEL_BRIEF)
    const { connection, log } = await connectCampaignHub(app.url, owner.client)
    await connection.invoke('JoinCampaignGroup', id)
    expect((await owner.client.post(`/api/campaigns/${id}/generate`)).status).toBe(202)

    const failure = await log.waitFor(event => event.name === 'OnGenerationFailed', 'the failure')
    expect(failure.args).toHaveLength(1)
    expect(failure.args[0]).toMatchObject({ campaignId: id, errorMessage: expect.stringContaining('Visual') })
    expect(Date.parse(failure.args[0].failedAt)).not.toBeNaN()
    expect(writesFor('Visual')).toBe(3)
    expect(writesFor('Copy')).toBe(1)
    expect(writesFor('ShortCopy')).toBe(1)

    const failed = await waitForCampaign(owner.client, id)
    expect(failed).toMatchObject({ status: 'Failed', stage: null, completedAt: null })
    expect(failed.statusReason).toContain('Visual')
    expect(iterations(failed)).toEqual({ Copy: 1, ShortCopy: 1 })
    const kept = (await owner.client.get(`/api/campaigns/${id}/artifacts`)).body.artifacts
    expect(kept.map((artifact: { metadata: { model: string } }) => artifact.metadata.model)).toEqual(['test-model', 'test-model'])
    expect(log.named('OnComplianceCheckCompleted')).toEqual([])
    expect(log.named('OnCampaignCompleted')).toEqual([])

    // The log tells the same story, each line naming the campaign: two retries, the failure, the run's end.
    const output = await app.outputContaining('Campaign run failed: generation failed after retries')
    const entries = output.split('\n').filter(line => line.startsWith('{')).map(line => JSON.parse(line))
      .filter(entry => entry.campaignId === id)
    expect(entries.filter(entry => entry.msg === 'Model call will be retried')).toHaveLength(2)
    expect(entries.filter(entry => entry.msg === 'Model call failed')).toEqual([expect.objectContaining({ level: 'error', error: expect.any(String) })])
    expect(entries.at(-1)).toMatchObject({ level: 'warn', msg: 'Campaign run failed: generation failed after retries' })

    // The model recovers; regenerating the failed type alone completes the campaign.
    failing.clear()
    const accepted = await owner.client.post(`/api/campaigns/${id}/artifacts/Visual/regenerate`, { feedback: '' })
    expect(accepted.status).toBe(202)
    await log.waitFor(event => event.name === 'OnCampaignCompleted', 'completion after the regenerate')
    const completed = await waitForCampaign(owner.client, id)
    expect(completed).toMatchObject({ status: 'Completed', statusReason: null })
    expect(iterations(completed)).toEqual({ Copy: 1, ShortCopy: 1, Visual: 1 })
    expect(completed.artifacts.filter((artifact: { type: string }) => artifact.type !== 'Visual').map((artifact: { id: string }) => artifact.id).sort())
      .toEqual(kept.map((artifact: { id: string }) => artifact.id).sort())
    expect(writesFor('Copy')).toBe(1)
    expect(writesFor('ShortCopy')).toBe(1)
    await connection.stop()
  })
})
