import { describe, expect, it } from 'vitest'
import { registerUser } from '../../support/api-client'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import { createCampaign, expectFieldErrors, expectProblem, iterations, runToEnd } from '../../support/campaigns'
import { useCampaignApp } from '../../support/campaign-suite'

// While a run is active the edit is a 409: tests/integration/campaigns/while-running.test.ts.
describe('editing a campaign\'s brief after launch', () => {
  const suite = useCampaignApp()

  it('replaces the brief, reads its checks again, and the next Generate writes new versions beside the old', async () => {
    const id = await createCampaign(suite.owner.client)
    const first = await runToEnd(suite.owner.client, id, '/generate')
    const before = iterations(first)
    expect(JSON.stringify(first.briefChecks)).toContain('free returns')

    const edited = await suite.owner.client.put(`/api/campaigns/${id}/brief`, { ...SAMPLE_BRIEF, tone: 'calm', constraints: ['Must include carbon-neutral shipping'] })
    expect(edited.status).toBe(200)
    expect(edited.body).toMatchObject({ id, status: 'Created', stage: null, brief: { tone: 'calm', constraints: ['Must include carbon-neutral shipping'] } })
    const checks = JSON.stringify(edited.body.briefChecks)
    expect(checks).toContain('carbon-neutral shipping')
    expect(checks).not.toContain('free returns')
    // The versions written so far are still the current ones until the next run.
    expect(iterations(edited.body)).toEqual(before)

    const second = await runToEnd(suite.owner.client, id, '/generate')
    for (const [type, iteration] of Object.entries(iterations(second))) expect(iteration, type).toBeGreaterThan(before[type]!)
    const copy = second.artifacts.find((artifact: { type: string }) => artifact.type === 'Copy')
    const versions = (await suite.owner.client.get(`/api/campaigns/${id}/artifacts/${copy.id}/versions`)).body.versions
    expect(versions.map((version: { iteration: number }) => version.iteration)).toContain(before.Copy)
  })

  it('is the owner\'s alone, and checks the brief as creation does', async () => {
    const id = await createCampaign(suite.owner.client)
    const stranger = await registerUser(suite.app.url)
    expectProblem(await stranger.client.put(`/api/campaigns/${id}/brief`, SAMPLE_BRIEF), 404)
    expectFieldErrors(await suite.owner.client.put(`/api/campaigns/${id}/brief`, { ...SAMPLE_BRIEF, theme: '' }), ['theme'])
    expect((await suite.owner.client.get(`/api/campaigns/${id}`)).body.brief).toMatchObject({ theme: SAMPLE_BRIEF.theme })
  })
})
