import { describe, expect, it } from 'vitest'
import { connectCampaignHub, SAMPLE_BRIEF } from '../../support/campaign-hub'
import { createCampaign, expectProblem, waitForCampaign } from '../../support/campaigns'
import { useCampaignApp } from '../../support/campaign-suite'

/**
 * A run in flight: what the API refuses meanwhile, and cancellation. The offline writer is slowed
 * down so a run lasts a few seconds, long enough to act on it mid-way.
 */
describe('a campaign while it is being generated', () => {
  const suite = useCampaignApp({ OFFLINE_WRITER_PACE_MS: '30' })

  it('refuses generate, revise, regenerate, approve, edit, restore, a brief edit and delete with 409 until it is cancelled', async () => {
    const id = await createCampaign(suite.owner.client)
    expect((await suite.owner.client.post(`/api/campaigns/${id}/generate`)).status).toBe(202)
    for (const [method, path, body] of [
      ['POST', '/generate', undefined],
      ['POST', '/revise', { feedback: 'Warmer, please' }],
      ['POST', '/artifacts/Copy/regenerate', { feedback: 'Shorter' }],
      ['POST', '/artifacts/Copy/approve', undefined],
      ['POST', '/artifacts/Copy/versions', { type: 'Copy', basedOn: 1, headlines: ['One', 'Two', 'Three'], body: { short: 'S', medium: 'M', long: 'L' }, callsToAction: ['Buy', 'Try', 'Go'] }],
      ['POST', '/artifacts/Copy/versions/1/restore', undefined],
      ['PUT', '/brief', { ...SAMPLE_BRIEF, tone: 'calm' }],
      ['DELETE', '', undefined],
    ] as const) {
      const response = await suite.owner.client.request(method, `/api/campaigns/${id}${path}`, { json: body })
      expectProblem(response, 409)
    }
    expect((await suite.owner.client.post(`/api/campaigns/${id}/cancel`)).status).toBe(202)
    await waitForCampaign(suite.owner.client, id, detail => detail.status === 'Cancelled')
    expect((await suite.owner.client.get(`/api/campaigns/${id}`)).body.brief.tone).toBe(SAMPLE_BRIEF.tone)
    // Once stopped it can be deleted, and is gone afterwards.
    expect((await suite.owner.client.delete(`/api/campaigns/${id}`)).status).toBe(204)
    expectProblem(await suite.owner.client.get(`/api/campaigns/${id}`), 404)
    expectProblem(await suite.owner.client.delete(`/api/campaigns/${id}`), 404)
  })

  it('cancels mid-run: keeps the finished artifacts, says Cancelled to the group, then refuses a second cancel', async () => {
    // In sequence, so one artifact is finished while the next is still being written.
    const id = await createCampaign(suite.owner.client, { ...SAMPLE_BRIEF, executionMode: 'sequential' })
    const { connection, log } = await connectCampaignHub(suite.app.url, suite.owner.client)
    await connection.invoke('JoinCampaignGroup', id)
    await connection.invoke('WatchCampaign', id)
    expect((await suite.owner.client.post(`/api/campaigns/${id}/generate`)).status).toBe(202)

    const first = (await log.waitFor(event => event.name === 'OnArtifactGenerated', 'the first artifact')).args[0]
    const cancelled = await suite.owner.client.post(`/api/campaigns/${id}/cancel`)
    expect(cancelled.status).toBe(202)
    expect(cancelled.body).toMatchObject({ campaignId: id })

    // Snapshots may also announce earlier stages; the one that matters says Cancelled.
    const status = await log.waitFor(event => event.name === 'OnCampaignUpdated' && event.args[0]?.status === 'Cancelled', 'the Cancelled snapshot')
    expect(status.args).toHaveLength(1)
    expect(status.args[0]).toMatchObject({ campaignId: id, status: 'Cancelled', stage: null, statusReason: expect.any(String) })
    const detail = await waitForCampaign(suite.owner.client, id)
    expect(detail).toMatchObject({ status: 'Cancelled', stage: null, completedAt: null })
    expect(detail.statusReason).toMatch(/cancel/i)

    const kept = (await suite.owner.client.get(`/api/campaigns/${id}/artifacts`)).body.artifacts
    expect(kept.map((artifact: { id: string }) => artifact.id)).toContain(first.id)
    expect(kept.length).toBeLessThan(3)
    expect(log.named('OnCampaignCompleted')).toEqual([])
    expect(log.named('OnComplianceCheckCompleted')).toEqual([])
    expectProblem(await suite.owner.client.post(`/api/campaigns/${id}/cancel`), 409)
    await connection.stop()

    // A cancelled campaign can be generated again (and cancelled again, to keep this test short).
    expect((await suite.owner.client.post(`/api/campaigns/${id}/generate`)).status).toBe(202)
    expect((await suite.owner.client.post(`/api/campaigns/${id}/cancel`)).status).toBe(202)
    await waitForCampaign(suite.owner.client, id, detail => detail.status === 'Cancelled')
  })
})
