import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REVIEW_LINK_CLOSED } from '../../../server/app/hub-credential-revocation'
import { ApiClient, registerUser } from '../../support/api-client'
import { startApp, type RunningApp } from '../../support/app-server'
import { connectCampaignHub, type EventLog } from '../../support/campaign-hub'
import { createCampaign } from '../../support/campaigns'
import { TEST_HUB_TOKEN_SECRET } from '../../support/hub-tokens'
import { deleteRedisKeys, redisSkipReason, TEST_REDIS_URL, uniqueRedisPrefix } from '../../support/redis'
import { connectReviewHub, createReviewLink } from '../../support/review-hub'
import { databaseDrivers, type TestDatabase } from '../../support/test-databases'

const postgres = (await databaseDrivers()).find(driver => driver.name === 'postgres')!
const redisSkip = await redisSkipReason()

/**
 * Three instances of the built server on one PostgreSQL database and one Redis, as an operator
 * runs them behind a load balancer; each client talks to the instance it was given.
 */
describe.skipIf(postgres.skipReason ?? redisSkip)('three instances sharing PostgreSQL and Redis', () => {
  const prefix = uniqueRedisPrefix()
  let database: TestDatabase
  let apps: RunningApp[] = []
  beforeAll(async () => {
    database = await postgres.create()
    const env = {
      DATABASE_URL: database.url!,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      NUXT_SESSION_PASSWORD: 'a-session-password-every-instance-shares-0123456789',
      HUB_TOKEN_SECRET: TEST_HUB_TOKEN_SECRET,
      OFFLINE_WRITER_PACE_MS: '1',
      TRUST_PROXY: 'true',
    }
    // One after the other: the first applies the migrations, the others find them done.
    for (let i = 0; i < 3; i++) apps.push(await startApp(env))
  }, 120_000)
  afterAll(async () => {
    await Promise.all(apps.map(app => app.stop()))
    apps = []
    await database?.dispose()
    await deleteRedisKeys(prefix)
  })

  it('a run started on one instance reaches watchers on the other two, every event in order, once', async () => {
    const [a, b, c] = apps as [RunningApp, RunningApp, RunningApp]
    const owner = await registerUser(a.url, { 'X-Forwarded-For': '203.0.113.10' })
    const id = await createCampaign(owner.client)
    const watchers = await Promise.all([b, c].map(app => connectCampaignHub(app.url, owner.client.movedTo(app.url))))
    for (const { connection } of watchers) await connection.invoke('JoinCampaignGroup', id)
    expect((await owner.client.post(`/api/campaigns/${id}/generate`)).status).toBe(202)
    for (const { log } of watchers) await log.waitFor(event => event.name === 'OnCampaignCompleted', 'completion', 60_000)

    const [onB, onC] = watchers.map(({ log }) => seedEvents(log))
    expect(onB![0]).toBe(`OnCampaignStarted ${id}`)
    expect(onB!.at(-1)).toBe(`OnCampaignCompleted ${id}`)
    expect(onB!.filter(line => line.startsWith('OnArtifactGenerated')).sort()).toEqual(['OnArtifactGenerated Copy', 'OnArtifactGenerated ShortCopy', 'OnArtifactGenerated Visual'])
    // Every chunk of every write once, in sequence: nothing lost, repeated or reordered on the way.
    for (const type of ['Copy', 'ShortCopy', 'Visual']) {
      const sequences = onB!.filter(line => line.startsWith(`OnChunkReceived ${type} `)).map(line => Number(line.split(' ')[2]))
      expect(sequences.length).toBeGreaterThan(1)
      expect(sequences).toEqual(sequences.map((_, i) => i))
    }
    expect(onC).toEqual(onB)
    await Promise.all(watchers.map(({ connection }) => connection.stop()))
  })

  it('revoking a review link on one instance closes the reviewer\'s connection on another', async () => {
    const [a, b, c] = apps as [RunningApp, RunningApp, RunningApp]
    const owner = await registerUser(a.url, { 'X-Forwarded-For': '203.0.113.11' })
    const id = await createCampaign(owner.client)
    const link = await createReviewLink(owner.client, id)
    const reviewer = await connectReviewHub(new ApiClient(b.url, { 'X-Forwarded-For': '203.0.113.12' }), link.token)
    await reviewer.connection.invoke('WatchCampaign', id)
    expect((await owner.client.movedTo(c.url).delete(`/api/campaigns/${id}/review-links/${link.id}`)).status).toBe(204)
    expect((await reviewer.closed)?.message).toContain(REVIEW_LINK_CLOSED)
  })

  it('refuses the 101st request in a minute whichever instance gets it', async () => {
    const address = { 'X-Forwarded-For': '203.0.113.99' }
    const clients = apps.map(app => new ApiClient(app.url, address))
    for (let i = 0; i < 100; i++) {
      const response = await clients[i % 3]!.get('/api/auth/me')
      expect(response.status).toBe(401)
    }
    for (const client of clients) {
      const refused = await client.get('/api/auth/me')
      expect(refused.status).toBe(429)
      expect(refused.body.type).toBe('/problems/rate-limited')
    }
  })
})

/** The seed's events as comparable lines: name, then what identifies each one. */
function seedEvents(log: EventLog): string[] {
  return log.events.flatMap(({ name, args }) => {
    const [payload] = args
    switch (name) {
      case 'OnCampaignStarted':
      case 'OnCampaignCompleted':
        return [`${name} ${payload}`]
      case 'OnChunkReceived':
        return [`${name} ${payload.artifactType} ${payload.sequence}`]
      case 'OnArtifactGenerated':
        return [`${name} ${payload.type}`]
      case 'OnComplianceCheckCompleted':
        return [`${name} ${payload.campaignId}`]
      default:
        return []
    }
  })
}
