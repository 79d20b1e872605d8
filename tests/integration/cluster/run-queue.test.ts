import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { registerUser, type ApiClient } from '../../support/api-client'
import type { RunningApp } from '../../support/app-server'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import { createCampaign, versionsOf, waitForCampaign } from '../../support/campaigns'
import { clusterEnv, crash, executionsOf, executorOf, linesAbout, startInstances } from '../../support/cluster'
import { databaseDrivers, type TestDatabase } from '../../support/test-databases'

const postgres = (await databaseDrivers()).find(driver => driver.name === 'postgres')!

/**
 * Slow enough that a run is still writing when an instance dies; a short lease so a takeover comes
 * soon, yet long enough that a loaded test machine renews it in time.
 */
const SLOW_RUNS = { OFFLINE_WRITER_PACE_MS: '40', RUN_LEASE_SECONDS: '6' }
/** In sequence, so a crash lands after one artifact is stored and before the others are. */
const SEQUENTIAL_BRIEF = { ...SAMPLE_BRIEF, executionMode: 'sequential' }
/** A takeover waits for the lease to run out, then for the queue's check and a free slot. */
const TAKEOVER_MS = 60_000

const artifactsOf = async (client: ApiClient, id: string) => (await client.get(`/api/campaigns/${id}/artifacts`)).body.artifacts as Array<{ id: string, content: string }>

async function firstArtifactOf(client: ApiClient, id: string) {
  for (;;) {
    const artifacts = await artifactsOf(client, id)
    if (artifacts.length > 0) return artifacts
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

/** Several instances on one PostgreSQL database: every run is executed by exactly one of them. */
describe.skipIf(postgres.skipReason)('runs shared by several instances', () => {
  let database: TestDatabase
  let apps: RunningApp[] = []
  beforeEach(async () => {
    database = await postgres.create()
  })
  afterEach(async () => {
    await Promise.all(apps.map(app => app.stop()))
    apps = []
    await database?.dispose()
  })

  it('a run whose instance is killed is finished by another, keeping what was written before', async () => {
    apps = await startInstances(2, clusterEnv(database.url!, SLOW_RUNS))
    const owner = await registerUser(apps[0]!.url)
    const id = await createCampaign(owner.client, SEQUENTIAL_BRIEF)
    expect((await owner.client.post(`/api/campaigns/${id}/generate`)).status).toBe(202)
    const executor = await executorOf(apps, id)
    const survivor = apps.find(app => app !== executor)!
    const client = owner.client.movedTo(survivor.url)
    const written = await firstArtifactOf(client, id)
    expect(written.length).toBeLessThan(3)

    await crash(executor)
    const detail = await waitForCampaign(client, id, undefined, TAKEOVER_MS)
    expect(detail).toMatchObject({ status: 'Completed', stage: null })
    expect(detail.artifacts).toHaveLength(3)
    expect(executionsOf(survivor, id)).toBe(1)
    for (const artifact of written) {
      const versions = await versionsOf(client, id, artifact.id)
      expect(versions.map(version => version.id)).toEqual([artifact.id])
      expect(versions[0].content).toBe(artifact.content)
    }
  }, 120_000)

  it('instances killed (kill -9) and restarted together resume every interrupted run exactly once', async () => {
    const env = clusterEnv(database.url!, { ...SLOW_RUNS, CAMPAIGN_RUN_CONCURRENCY: '2', MAX_RUNNING_RUNS_PER_USER: '2' })
    apps = await startInstances(2, env)
    const owners = await Promise.all([registerUser(apps[0]!.url), registerUser(apps[1]!.url)])
    const ids: Array<{ client: ApiClient, id: string }> = []
    for (const owner of owners) {
      for (let run = 0; run < 2; run++) {
        const id = await createCampaign(owner.client, SEQUENTIAL_BRIEF)
        expect((await owner.client.post(`/api/campaigns/${id}/generate`)).status).toBe(202)
        ids.push({ client: owner.client, id })
      }
    }
    // Every run is under way somewhere, none finished.
    for (const { id } of ids) await executorOf(apps, id)
    await Promise.all(apps.map(crash))
    await Promise.all(apps.map(app => app.stop()))

    apps = await startInstances(2, env)
    for (const { client, id } of ids) {
      const detail = await waitForCampaign(client.movedTo(apps[0]!.url), id, undefined, TAKEOVER_MS)
      expect(detail).toMatchObject({ status: 'Completed', stage: null })
      expect(detail.artifacts).toHaveLength(3)
      const executions = apps.map(app => executionsOf(app, id))
      expect(executions.reduce((sum, count) => sum + count, 0), apps.map(app => linesAbout(app, id)).join('\n')).toBe(1)
    }
  }, 180_000)

  it.each([1, 2])('%i instance(s) stopped gracefully (SIGTERM) mid-run and restarted finish every run exactly once', async (count) => {
    const env = clusterEnv(database.url!, SLOW_RUNS)
    apps = await startInstances(count, env)
    const owner = await registerUser(apps[0]!.url)
    const ids: string[] = []
    for (let run = 0; run < 2; run++) {
      const id = await createCampaign(owner.client, SEQUENTIAL_BRIEF)
      expect((await owner.client.post(`/api/campaigns/${id}/generate`)).status).toBe(202)
      ids.push(id)
    }
    // Stopped while writing: a deploy, not a crash.
    await firstArtifactOf(owner.client, ids[0]!)
    await Promise.all(apps.map(app => app.stop()))

    apps = await startInstances(count, env)
    const client = owner.client.movedTo(apps[0]!.url)
    for (const id of ids) {
      const detail = await waitForCampaign(client, id, undefined, TAKEOVER_MS)
      expect(detail).toMatchObject({ status: 'Completed', stage: null })
      expect(detail.artifacts).toHaveLength(3)
      const executions = apps.map(app => executionsOf(app, id))
      expect(executions.reduce((sum, n) => sum + n, 0), apps.map(app => linesAbout(app, id)).join('\n')).toBe(1)
    }
  }, 180_000)

  it('a run still running whose job was closed is queued again at start-up and finished once', async () => {
    const env = clusterEnv(database.url!, SLOW_RUNS)
    apps = await startInstances(1, env)
    const owner = await registerUser(apps[0]!.url)
    const id = await createCampaign(owner.client, SEQUENTIAL_BRIEF)
    expect((await owner.client.post(`/api/campaigns/${id}/generate`)).status).toBe(202)
    await firstArtifactOf(owner.client, id)
    await Promise.all(apps.map(app => app.stop()))
    // What an instance that closed the job while stopping left behind: the run "Generating", its job done.
    const sql = new pg.Client({ connectionString: database.url })
    await sql.connect()
    try {
      const closed = await sql.query(`UPDATE pgboss.job SET state = 'completed', completed_on = now() WHERE name = 'campaign-run'`)
      expect(closed.rowCount).toBe(1)
    }
    finally {
      await sql.end()
    }

    apps = await startInstances(2, env)
    const detail = await waitForCampaign(owner.client.movedTo(apps[0]!.url), id, undefined, TAKEOVER_MS)
    expect(detail).toMatchObject({ status: 'Completed', stage: null })
    expect(detail.artifacts).toHaveLength(3)
    expect(apps.map(app => executionsOf(app, id)).reduce((sum, n) => sum + n, 0)).toBe(1)
  }, 180_000)

  it('cancel sent to an instance that does not execute the run stops it', async () => {
    apps = await startInstances(2, clusterEnv(database.url!, { OFFLINE_WRITER_PACE_MS: '40' }))
    const owner = await registerUser(apps[0]!.url)
    const id = await createCampaign(owner.client, SEQUENTIAL_BRIEF)
    expect((await owner.client.post(`/api/campaigns/${id}/generate`)).status).toBe(202)
    const executor = await executorOf(apps, id)
    const other = owner.client.movedTo(apps.find(app => app !== executor)!.url)

    const cancelled = await other.post(`/api/campaigns/${id}/cancel`)
    expect(cancelled.status).toBe(202)
    const detail = await waitForCampaign(other, id)
    expect(detail).toMatchObject({ status: 'Cancelled', stage: null })
    expect(detail.artifacts.length).toBeLessThan(3)
    await executor.outputContaining('"outcome":"cancelled"')
  }, 120_000)

  it('one user\'s burst of launches does not hold up another user\'s', async () => {
    const BURST = 24
    apps = await startInstances(1, clusterEnv(database.url!, { MAX_QUEUED_RUNS_PER_USER: '100', RATE_LIMIT_PER_MINUTE: '100000' }))
    const [busy, other] = [await registerUser(apps[0]!.url), await registerUser(apps[0]!.url)]
    const busyIds = []
    for (let n = 0; n < BURST; n++) busyIds.push(await createCampaign(busy.client))
    const otherId = await createCampaign(other.client)

    const answered: string[] = []
    const launch = (client: ApiClient, id: string, who: string) => client.post(`/api/campaigns/${id}/generate`).then((response) => {
      answered.push(who)
      return response.status
    })
    const burst = busyIds.map(id => launch(busy.client, id, 'busy'))
    // Once the first of the burst is answered, the rest are in line for their owner's lock.
    await Promise.race(burst)
    expect(await launch(other.client, otherId, 'other')).toBe(202)
    expect(await Promise.all(burst)).toEqual(busyIds.map(() => 202))
    // The other user's launch waited for one of the burst at most, not for all of them.
    expect(answered.indexOf('other')).toBeLessThan(BURST / 2)
  }, 60_000)

  it('holds a user\'s cap on runs under way across instances, however the launches race', async () => {
    const CAP = 3
    apps = await startInstances(2, clusterEnv(database.url!, { ...SLOW_RUNS, CAMPAIGN_RUN_CONCURRENCY: '1', MAX_QUEUED_RUNS_PER_USER: String(CAP), RATE_LIMIT_PER_MINUTE: '100000' }))
    const owner = await registerUser(apps[0]!.url)
    const clients = [owner.client, owner.client.movedTo(apps[1]!.url)]
    const ids = []
    for (let n = 0; n < 8; n++) ids.push(await createCampaign(owner.client))
    // Half of the launches on each instance, all at once; slow runs stay under way meanwhile.
    const statuses = await Promise.all(ids.map((id, n) => clients[n % 2]!.post(`/api/campaigns/${id}/generate`).then(response => response.status)))
    expect(statuses.filter(status => status === 202)).toHaveLength(CAP)
    expect(statuses.filter(status => status === 429)).toHaveLength(ids.length - CAP)
  }, 60_000)
})
