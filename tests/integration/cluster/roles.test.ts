import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerUser } from '../../support/api-client'
import { runAppExpectingExit, type RunningApp } from '../../support/app-server'
import { createCampaign, expectProblem, runToEnd, startCampaignApp } from '../../support/campaigns'
import { clusterEnv, executionsOf } from '../../support/cluster'
import { databaseDrivers, type TestDatabase } from '../../support/test-databases'

const postgres = (await databaseDrivers()).find(driver => driver.name === 'postgres')!

describe('ROLE settings the server refuses', () => {
  it.each([
    [{ ROLE: 'everything' }, /ROLE must be one of all, web, worker, not "everything"/],
    [{ ROLE: 'worker', REDIS_URL: 'redis://127.0.0.1:6379' }, /ROLE=worker needs DATABASE_URL/],
    [{ ROLE: 'web', DATABASE_URL: 'postgres://127.0.0.1:5432/unused' }, /ROLE=web needs REDIS_URL/],
  ])('%o stops the server with a message naming what is wrong', async (env, message) => {
    const ended = await runAppExpectingExit(env)
    expect(ended.exitCode).toBe(1)
    expect(ended.output).toMatch(message)
  })
})

/** A web process and a worker on one PostgreSQL database: the web queues, the worker executes. */
describe.skipIf(postgres.skipReason)('web and worker processes', () => {
  let database: TestDatabase
  let web: RunningApp
  let worker: RunningApp
  beforeAll(async () => {
    database = await postgres.create()
    // Redis is where the hub backplane lives; these checks read the results over REST only. The
    // worker looks for queued runs once an hour: only the web's notification can start one sooner.
    const env = clusterEnv(database.url!, { REDIS_URL: 'redis://127.0.0.1:6379', RUN_QUEUE_POLL_SECONDS: '3600' })
    ;[web, worker] = await Promise.all([startCampaignApp({ ...env, ROLE: 'web' }), startCampaignApp({ ...env, ROLE: 'worker' })])
  }, 90_000)
  afterAll(async () => {
    await Promise.all([web?.stop(), worker?.stop()])
    await database?.dispose()
  })

  it('each answers its own health', async () => {
    for (const [app, role] of [[web, 'web'], [worker, 'worker']] as const) {
      const body = await (await fetch(`${app.url}/health`)).json()
      expect(body).toMatchObject({ status: 'Healthy', role, checks: { server: 'Healthy', database: 'Healthy', campaignEngine: 'Healthy' } })
    }
  })

  it('a run requested from the web process is executed by the worker alone, woken by the queue\'s notification', async () => {
    const owner = await registerUser(web.url)
    const id = await createCampaign(owner.client)
    const detail = await runToEnd(owner.client, id, '/generate')
    expect(detail).toMatchObject({ status: 'Completed', stage: null })
    expect(executionsOf(worker, id)).toBe(1)
    expect(executionsOf(web, id)).toBe(0)
  })

  it('the worker serves no pages, REST or hub', async () => {
    const owner = await registerUser(web.url)
    const client = owner.client.movedTo(worker.url)
    expectProblem(await client.get('/api/campaigns'), 404)
    expectProblem(await client.post('/hubs/campaign/negotiate?negotiateVersion=1'), 404)
    expect((await fetch(`${worker.url}/campaigns`)).status).toBe(404)
  })
})
