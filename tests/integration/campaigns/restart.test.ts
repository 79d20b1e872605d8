import { rmSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { registerUser } from '../../support/api-client'
import { createDataDir, type RunningApp } from '../../support/app-server'
import { connectCampaignHub, SAMPLE_BRIEF } from '../../support/campaign-hub'
import { createCampaign, startCampaignApp, versionsOf, waitForCampaign } from '../../support/campaigns'

/** A crash mid-run: the run resumes from what it had persisted and ends, nothing is lost. */
describe('a campaign run interrupted by kill -9', () => {
  const dataDir = createDataDir()
  // Slow enough that the run is still writing when the process dies.
  const env = { DATA_DIR: dataDir, OFFLINE_WRITER_PACE_MS: '30' }
  let app: RunningApp | undefined
  afterAll(async () => {
    await app?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('resumes after a restart, keeps every version written before the crash, and completes', async () => {
    app = await startCampaignApp(env)
    const owner = await registerUser(app.url)
    // In sequence, so the crash lands after one artifact is stored and before the others are.
    const id = await createCampaign(owner.client, { ...SAMPLE_BRIEF, executionMode: 'sequential' })
    const before = await connectCampaignHub(app.url, owner.client)
    await before.connection.invoke('JoinCampaignGroup', id)
    expect((await owner.client.post(`/api/campaigns/${id}/generate`)).status).toBe(202)
    await before.log.waitFor(event => event.name === 'OnArtifactGenerated', 'the first artifact')
    const persisted = (await owner.client.get(`/api/campaigns/${id}/artifacts`)).body.artifacts
    expect(persisted.length).toBeGreaterThan(0)
    expect(persisted.length).toBeLessThan(3)

    const exited = new Promise(resolve => app!.process.once('exit', resolve))
    app.process.kill('SIGKILL')
    await exited
    await before.connection.stop()

    app = await startCampaignApp(env)
    // The same browser: the session secret lives in DATA_DIR, so the cookie still opens.
    const client = owner.client.movedTo(app.url)
    const after = await connectCampaignHub(app.url, client)
    await after.connection.invoke('JoinCampaignGroup', id)
    // The run may have finished before this client joined: the snapshot tells either way.
    await after.connection.invoke('RequestCampaignStatus', id)
    await after.log.waitFor(event => event.name === 'OnCampaignCompleted'
      || (event.name === 'OnCampaignStatusReceived' && event.args[0]?.status === 'Completed'), 'completion on the new server')
    await after.connection.stop()

    const detail = await waitForCampaign(client, id)
    expect(detail).toMatchObject({ status: 'Completed', stage: null, complianceStatus: 'Pass' })
    expect(detail.artifacts).toHaveLength(3)
    expect(app.output()).toMatch(/Resumed 1 interrupted campaign run/)
    for (const artifact of persisted) {
      // Written before the crash: still there, same id, not written a second time.
      const versions = await versionsOf(client, id, artifact.id)
      expect(versions.map(version => version.id)).toEqual([artifact.id])
      expect(versions[0].content).toBe(artifact.content)
    }
  }, 90_000)
})
