import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { registerUser, type RegisteredUser } from '../../support/api-client'
import { startApp, type RunningApp } from '../../support/app-server'
import { connectCampaignHub, hubTokenFrom } from '../../support/campaign-hub'
import { clusterEnv, crash } from '../../support/cluster'
import { deleteRedisKeys, redisSkipReason, TEST_REDIS_URL, testRedisClient, uniqueRedisPrefix } from '../../support/redis'
import { databaseDrivers, type TestDatabase } from '../../support/test-databases'

const postgres = (await databaseDrivers()).find(driver => driver.name === 'postgres')!
const redisSkip = await redisSkipReason()

const CAP = 3
/** Short, so a killed instance's slots lapse soon; its live peers renew theirs every third of it. */
const SLOT_SECONDS = 5
const CAP_REFUSAL = `Too many open hub connections: at most ${CAP}. Close one and try again.`

/** `POST negotiate` as the official client's first request: the status and the text of a refusal. */
async function negotiate(app: RunningApp, user: RegisteredUser): Promise<{ status: number, text: string }> {
  const token = await hubTokenFrom(user.client.movedTo(app.url))
  const response = await fetch(`${app.url}/hubs/campaign/negotiate?negotiateVersion=1`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } })
  return { status: response.status, text: await response.text() }
}

/** The cap on a principal's open hub connections holds across instances sharing Redis. */
describe.skipIf(postgres.skipReason ?? redisSkip)('the hub connection cap on several instances', () => {
  let prefix: string
  let database: TestDatabase
  let apps: RunningApp[] = []
  beforeEach(async () => {
    prefix = uniqueRedisPrefix()
    database = await postgres.create()
    const env = clusterEnv(database.url!, {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      HUB_CONNECTIONS_PER_PRINCIPAL: String(CAP),
      HUB_CONNECTS_PER_MINUTE: '1000',
      HUB_CONNECTION_SLOT_SECONDS: String(SLOT_SECONDS),
    })
    // One after the other: the first applies the migrations.
    for (let i = 0; i < 2; i++) apps.push(await startApp(env))
  }, 120_000)
  afterEach(async () => {
    await Promise.all(apps.map(app => app.stop()))
    apps = []
    await database?.dispose()
    await deleteRedisKeys(prefix)
  })

  /** How many slots the user holds in Redis: what the next admission counts. */
  async function slotsOf(user: RegisteredUser): Promise<number> {
    const redis = testRedisClient()
    try {
      return await redis.zcard(`${prefix}:hub:campaign:slots:${user.id}`)
    }
    finally {
      redis.disconnect()
    }
  }

  it('refuses the connection past the cap on whichever instance it lands, and takes one again once another closes', async () => {
    const [a, b] = apps as [RunningApp, RunningApp]
    const user = await registerUser(a.url)
    const open = [
      await connectCampaignHub(a.url, user.client.movedTo(a.url)),
      await connectCampaignHub(b.url, user.client.movedTo(b.url)),
      await connectCampaignHub(a.url, user.client.movedTo(a.url)),
    ]
    // The same answer one instance gives when it alone holds them all.
    for (const app of [a, b]) expect(await negotiate(app, user)).toEqual({ status: 429, text: CAP_REFUSAL })
    await expect(connectCampaignHub(b.url, user.client.movedTo(b.url))).rejects.toThrow(/429/)
    // Another user is not affected.
    const other = await connectCampaignHub(b.url, (await registerUser(b.url)).client)
    await other.connection.stop()

    await open.shift()!.connection.stop()
    while (await slotsOf(user) > CAP - 1) await new Promise(resolve => setTimeout(resolve, 20))
    open.push(await connectCampaignHub(b.url, user.client.movedTo(b.url)))
    expect((await negotiate(a, user)).status).toBe(429)
    for (const { connection } of open) await connection.stop()
  }, 120_000)

  it('frees the slots of an instance killed with its connections open, within the slot lifetime', async () => {
    const [a, b] = apps as [RunningApp, RunningApp]
    const user = await registerUser(a.url)
    for (let i = 0; i < CAP; i++) await connectCampaignHub(a.url, user.client.movedTo(a.url))
    expect((await negotiate(b, user)).status).toBe(429)

    await crash(a)
    const killedAt = Date.now()
    // A killed instance cannot say its connections are gone: its slots lapse one by one, each when
    // its last renewal runs out. Connects until the user holds the whole cap on the live instance.
    const held: Array<Awaited<ReturnType<typeof connectCampaignHub>>> = []
    while (held.length < CAP && Date.now() - killedAt < 60_000) {
      try {
        held.push(await connectCampaignHub(b.url, user.client.movedTo(b.url)))
      }
      catch {
        await new Promise(resolve => setTimeout(resolve, 200))
      }
    }
    expect(held).toHaveLength(CAP)
    console.info(`Slots of a killed instance lapsed after ${Date.now() - killedAt} ms (HUB_CONNECTION_SLOT_SECONDS=${SLOT_SECONDS})`)
    expect((await negotiate(b, user)).status).toBe(429)
    for (const { connection } of held) await connection.stop()
  }, 120_000)
})
