import { describe, expect, it } from 'vitest'
import { ApiClient } from '../../support/api-client'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import { expectFieldErrors, expectProblem } from '../../support/campaigns'
import { useCampaignApp } from '../../support/campaign-suite'

const CONTRACT_BRIEF = {
  ...SAMPLE_BRIEF,
  constraints: ['Do not make health claims', 'Keep LinkedIn under 600 characters', 'End with a CTA to beanbox.example/start', 'Keep it lively'],
}

describe('POST /api/briefs/analyze', () => {
  const suite = useCampaignApp()

  it('answers the checks each line becomes, citing its line, and the lines it cannot check', async () => {
    const response = await suite.owner.client.post('/api/briefs/analyze', CONTRACT_BRIEF)
    expect(response.status).toBe(200)
    expect(response.body.checks.filter((check: { source: { field: string } }) => check.source.field === 'constraints')).toEqual([
      expect.objectContaining({ kind: 'claim-class', claimClass: 'health', source: { field: 'constraints', index: 0, text: 'Do not make health claims' } }),
      expect.objectContaining({ kind: 'max-length', limit: 600, platform: 'linkedin', source: expect.objectContaining({ index: 1 }) }),
      expect.objectContaining({ kind: 'call-to-action', mustContain: 'beanbox.example/start', source: expect.objectContaining({ index: 2 }) }),
    ])
    expect(response.body.notUnderstood).toEqual([
      { source: { field: 'constraints', index: 3, text: 'Keep it lively' }, hint: expect.any(String) },
    ])
  })

  it('validates the brief as campaign creation does, and needs a signed-in caller', async () => {
    expectFieldErrors(await suite.owner.client.post('/api/briefs/analyze', { ...CONTRACT_BRIEF, constraints: ['x'.repeat(301)] }), ['constraints.0'])
    expectFieldErrors(await suite.owner.client.post('/api/briefs/analyze', { ...CONTRACT_BRIEF, theme: '' }), ['theme'])
    expectProblem(await new ApiClient(suite.app.url).post('/api/briefs/analyze', CONTRACT_BRIEF), 401)
  })

  it('stores the checks with the campaign, which shows them with its brief', async () => {
    const analysis = (await suite.owner.client.post('/api/briefs/analyze', CONTRACT_BRIEF)).body
    const created = await suite.owner.client.post('/api/campaigns', CONTRACT_BRIEF)
    expect(created.status).toBe(201)
    expect(created.body.briefChecks).toEqual(analysis)
    expect((await suite.owner.client.get(`/api/campaigns/${created.body.id}`)).body.briefChecks).toEqual(analysis)
  })
})
