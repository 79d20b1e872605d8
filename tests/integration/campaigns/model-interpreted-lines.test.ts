import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerUser, type RegisteredUser } from '../../support/api-client'
import type { RunningApp } from '../../support/app-server'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import { startCampaignApp } from '../../support/campaigns'
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../models/fake-openai-server'

const INTERPRETATION = { interpretations: [{ line: 1, check: { kind: 'must-not-say', phrases: ['frosty'] } }, { line: 2, check: null }] }

/** With a model configured, a line the analyzer cannot read may become a check the model read, shown as such. */
describe('brief lines a model interprets', () => {
  let model: FakeOpenAIServer
  let app: RunningApp
  let owner: RegisteredUser
  beforeAll(async () => {
    // Only the brief's unread lines are asked about here; any other call has no reply.
    model = await startFakeOpenAIServer(request => JSON.stringify(request.body.messages).includes('lines of a marketing brief')
      ? { kind: 'answer', chunks: [`\`\`\`json\n${JSON.stringify(INTERPRETATION)}\n\`\`\``] }
      : undefined)
    app = await startCampaignApp({ MODEL_PROVIDER: 'openai-compatible', OPENAI_COMPATIBLE_BASE_URL: model.baseURL, OPENAI_COMPATIBLE_MODEL: 'test-model', MODEL_TIMEOUT_MS: '10000' })
    owner = await registerUser(app.url)
  })
  afterAll(async () => {
    await app?.stop()
    await model?.close()
  })

  it('stores the model\'s check with the campaign, marked as the model\'s, and keeps the line it could not read listed', async () => {
    const created = await owner.client.post('/api/campaigns', { ...SAMPLE_BRIEF, constraints: ['Avoid "cheap"', 'Steer clear of the word frosty', 'Keep it cosy'] })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const detail = await owner.client.get(`/api/campaigns/${created.body.id}`)
    const { checks, notUnderstood } = detail.body.briefChecks
    expect(checks.filter((check: { source: { field: string } }) => check.source.field === 'constraints')).toEqual([
      expect.objectContaining({ kind: 'must-not-say', phrases: ['cheap'], interpretedBy: 'rules' }),
      { kind: 'must-not-say', phrases: ['frosty'], id: 'constraints.1', source: { field: 'constraints', index: 1, text: 'Steer clear of the word frosty' }, interpretedBy: 'model' },
    ])
    expect(notUnderstood).toEqual([expect.objectContaining({ source: { field: 'constraints', index: 2, text: 'Keep it cosy' } })])
    expect(model.requests).toHaveLength(1)
  })
})
