import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, registerUser } from '../../support/api-client'
import type { RunningApp } from '../../support/app-server'
import { createCampaign, startCampaignApp, waitForCampaign } from '../../support/campaigns'
import { databaseDrivers, type TestDatabase } from '../../support/test-databases'

const postgres = (await databaseDrivers()).find(driver => driver.name === 'postgres')!
const METRICS_TOKEN = 'run-queue-statements-scrape-token'
const SLOTS = 4
const RUNS = 24

/** `run_queue_statements_total` by its `statement` label, as the instance reports it now. */
async function queueStatements(app: RunningApp): Promise<Record<string, number>> {
  const text = await (await fetch(`${app.url}/metrics`, { headers: bearer(METRICS_TOKEN) })).text()
  const counts: Record<string, number> = {}
  for (const [, statement, value] of text.matchAll(/^run_queue_statements_total\{statement="(\w+)"\} (\S+)$/gm)) counts[statement!] = Number(value)
  return counts
}

function difference(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([statement, count]) => [statement, count - (before[statement] ?? 0)]))
}

/** What the PostgreSQL run queue costs in statements, besides the runs' own. */
describe.skipIf(postgres.skipReason)('the run queue\'s statements on PostgreSQL', () => {
  let database: TestDatabase
  let app: RunningApp
  beforeAll(async () => {
    database = await postgres.create()
    app = await startCampaignApp({
      DATABASE_URL: database.url!,
      METRICS_TOKEN,
      CAMPAIGN_RUN_CONCURRENCY: String(SLOTS),
      MAX_RUNNING_RUNS_PER_USER: String(SLOTS),
      MAX_QUEUED_RUNS_PER_USER: String(RUNS),
      // No idle slot looks on its own during the test: every look counted answers a launch.
      RUN_QUEUE_POLL_SECONDS: '600',
    })
  }, 90_000)
  afterAll(async () => {
    await app?.stop()
    await database?.dispose()
  })

  it('a burst of launches costs each run its lock, job, notice, one look and its close; no lease is renewed that just began', async () => {
    const owner = await registerUser(app.url)
    const ids: string[] = []
    for (let n = 0; n < RUNS; n++) ids.push(await createCampaign(owner.client))
    const before = await queueStatements(app)

    const launches = await Promise.all(ids.map(id => owner.client.post(`/api/campaigns/${id}/generate`)))
    expect(launches.map(response => response.status)).toEqual(ids.map(() => 202))
    for (const id of ids) expect(await waitForCampaign(owner.client, id)).toMatchObject({ status: 'Completed' })
    const spent = difference(await queueStatements(app), before)

    expect(spent).toMatchObject({ owner_lock: 2 * RUNS, enqueue: RUNS, finish: RUNS })
    // Told to every instance only when no slot of this one was asleep to take it: the slots were
    // asleep for the first launches, at work for most of the rest.
    expect(spent.announce).toBeGreaterThanOrEqual(RUNS - 2 * SLOTS)
    expect(spent.announce).toBeLessThan(RUNS)
    // Each run was fetched once. The looks that found nothing: each slot's last, once the queue was
    // empty, and at most one more per slot for a launch announced while it was looking.
    expect(spent.fetch).toBeGreaterThanOrEqual(RUNS)
    expect(spent.fetch).toBeLessThanOrEqual(RUNS + 2 * SLOTS)
    // These runs end long before a third of the lease (30 s): the fetch's own start of it was enough.
    expect(spent.lease ?? 0).toBe(0)
  }, 120_000)
})

describe.skipIf(postgres.skipReason)('two idle instances on PostgreSQL', () => {
  let database: TestDatabase
  let apps: RunningApp[] = []
  beforeAll(async () => {
    database = await postgres.create()
    const env = { DATABASE_URL: database.url!, METRICS_TOKEN, RUN_QUEUE_POLL_SECONDS: '600', NUXT_SESSION_PASSWORD: 'a-session-password-both-instances-share-0123' }
    apps = await Promise.all([startCampaignApp(env), startCampaignApp(env)])
  }, 90_000)
  afterAll(async () => {
    await Promise.all(apps.map(app => app.stop()))
    await database?.dispose()
  })

  it('a run launched where a slot is asleep is taken there, and the other instance is not told to look', async () => {
    const [launcher] = apps as [RunningApp, RunningApp]
    const owner = await registerUser(launcher.url)
    const before = await Promise.all(apps.map(queueStatements))
    for (let run = 0; run < 3; run++) {
      const id = await createCampaign(owner.client)
      expect((await owner.client.post(`/api/campaigns/${id}/generate`)).status).toBe(202)
      expect(await waitForCampaign(owner.client, id)).toMatchObject({ status: 'Completed' })
    }
    const [atLauncher, atOther] = await Promise.all(apps.map(async (app, index) => difference(await queueStatements(app), before[index]!)))
    expect(atLauncher).toMatchObject({ enqueue: 3, finish: 3 })
    expect(atLauncher!.announce ?? 0).toBe(0)
    expect(atOther!.fetch ?? 0).toBe(0)
  }, 60_000)
})

describe.skipIf(postgres.skipReason)('an idle instance on PostgreSQL', () => {
  let database: TestDatabase
  let app: RunningApp
  beforeAll(async () => {
    database = await postgres.create()
    app = await startCampaignApp({ DATABASE_URL: database.url!, METRICS_TOKEN, CAMPAIGN_RUN_CONCURRENCY: String(SLOTS), RUN_QUEUE_POLL_SECONDS: '1' })
  }, 90_000)
  afterAll(async () => {
    await app?.stop()
    await database?.dispose()
  })

  it('looks for runs once a poll, by one of its idle slots, not by each of them', async () => {
    const before = await queueStatements(app)
    const startedAt = Date.now()
    await new Promise(resolve => setTimeout(resolve, 4_000))
    const spent = difference(await queueStatements(app), before)
    const polls = (Date.now() - startedAt) / 1000
    // A poll a second, give or take the one under way at either end; each of four slots polling would be 16.
    expect(spent.fetch).toBeGreaterThanOrEqual(Math.floor(polls) - 1)
    expect(spent.fetch).toBeLessThanOrEqual(Math.ceil(polls) + 1)
  }, 30_000)
})
