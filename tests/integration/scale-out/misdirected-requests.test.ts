import * as signalR from '@microsoft/signalr'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, bearer, registerUser } from '../../support/api-client'
import { startApp, type RunningApp } from '../../support/app-server'
import { hubTokenFrom } from '../../support/campaign-hub'
import { TEST_HUB_TOKEN_SECRET } from '../../support/hub-tokens'
import { deleteRedisKeys, redisSkipReason, TEST_REDIS_URL, uniqueRedisPrefix } from '../../support/redis'
import { startRoundRobinProxy, type RoundRobinProxy } from '../../support/round-robin-proxy'
import { databaseDrivers, type TestDatabase } from '../../support/test-databases'

const postgres = (await databaseDrivers()).find(driver => driver.name === 'postgres')!
const redisSkip = await redisSkipReason()

const WARNING = 'Hub request for a connection held by another instance'
const DETAIL = 'This connection belongs to another instance; the load balancer must route a connection\'s requests to one instance (sticky sessions).'

/**
 * Two instances on PostgreSQL and Redis behind a load balancer that is not sticky: the requests of
 * a long-polling or Server-Sent Events connection that land on the instance that did not negotiate
 * it are refused with 421 and a text saying why, instead of the 404 an unknown connection gets.
 */
describe.skipIf(postgres.skipReason ?? redisSkip)('hub requests that reach the wrong instance', () => {
  const prefix = uniqueRedisPrefix()
  let database: TestDatabase
  let apps: RunningApp[] = []
  let proxy: RoundRobinProxy
  let hubToken: string
  beforeAll(async () => {
    database = await postgres.create()
    const env = {
      DATABASE_URL: database.url!,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      NUXT_SESSION_PASSWORD: 'a-session-password-every-instance-shares-0123456789',
      HUB_TOKEN_SECRET: TEST_HUB_TOKEN_SECRET,
    }
    for (let i = 0; i < 2; i++) apps.push(await startApp(env))
    proxy = await startRoundRobinProxy(apps.map(app => app.url))
    const user = await registerUser(apps[0]!.url)
    hubToken = await hubTokenFrom(user.client)
  }, 120_000)
  afterAll(async () => {
    await proxy?.close()
    await Promise.all(apps.map(app => app.stop()))
    apps = []
    await database?.dispose()
    await deleteRedisKeys(prefix)
  })

  it('answers 421 with Problem Details for a connection the other instance holds, logged once, and 404 once it is gone', async () => {
    const [a, b] = apps as [RunningApp, RunningApp]
    const onA = new ApiClient(a.url, bearer(hubToken))
    const onB = new ApiClient(b.url, bearer(hubToken))
    const negotiated = await onA.post('/hubs/campaign/negotiate?negotiateVersion=1')
    const id = negotiated.body.connectionToken as string

    const poll = await onB.get(`/hubs/campaign?id=${id}`)
    expect(poll.status).toBe(421)
    expect(poll.headers.get('content-type')).toBe('application/problem+json')
    expect(poll.body).toMatchObject({ status: 421, title: 'Misdirected Request', detail: DETAIL })
    expect((await onB.get(`/hubs/campaign?id=${id}`, { Accept: 'text/event-stream' })).status).toBe(421)
    expect((await onB.post(`/hubs/campaign?id=${id}`, undefined)).status).toBe(421)
    const log = await b.outputContaining(WARNING)
    expect(log.split(WARNING).length - 1).toBe(1)
    expect(log).not.toContain(id)

    // An id nobody holds is what it always was.
    expect((await onB.get('/hubs/campaign?id=unknown-everywhere')).status).toBe(404)
    // Started and ended on its own instance, it is forgotten everywhere.
    expect((await onA.get(`/hubs/campaign?id=${id}`)).status).toBe(200)
    expect((await onA.delete(`/hubs/campaign?id=${id}`)).status).toBe(202)
    expect((await onA.get(`/hubs/campaign?id=${id}`)).status).toBe(204)
    await waitUntil(async () => (await onB.get(`/hubs/campaign?id=${id}`)).status === 404)
  })

  for (const transport of ['LongPolling', 'ServerSentEvents'] as const) {
    it(`the official client over ${transport} fails to start, naming 421, when its requests alternate between instances`, async () => {
      proxy.pin(null)
      const connection = client(transport, [])
      const started = Date.now()
      const error = await connection.start().then(() => undefined, (reason: Error) => reason)
      report(transport, 'round-robin from the start', started, error)
      expect(error).toBeInstanceOf(Error)
      if (transport === 'LongPolling') expect(error!.message).toContain('421')
      expect(connection.state).toBe(signalR.HubConnectionState.Disconnected)
    })

    it(`the official client over ${transport} reconnects where the balancer now sends it after a send is refused with 421`, async () => {
      proxy.pin(0)
      const connection = client(transport, [0])
      const reconnecting = new Promise<Error | undefined>(resolve => connection.onreconnecting(resolve))
      const reconnected = new Promise<void>(resolve => connection.onreconnected(() => resolve()))
      await connection.start()
      await connection.invoke('WatchCampaigns')

      proxy.pin(1)
      const switched = Date.now()
      const refused = await connection.invoke('WatchCampaigns').then(() => undefined, (reason: Error) => reason)
      report(transport, 'send after the balancer switched', switched, refused)
      expect(refused?.message).toMatch(/421|Misdirected/)
      const why = await reconnecting
      report(transport, 'reconnecting after the switch', switched, why)
      await reconnected
      report(transport, 'reconnected after the switch', switched, undefined)
      await connection.invoke('WatchCampaigns')
      await connection.stop()
      // Server-Sent Events: the event stream stays on its instance until the client's pings, refused
      // elsewhere, are missed for the client timeout (30 s); only then does the client reconnect.
    }, 90_000)
  }

  function client(transport: 'LongPolling' | 'ServerSentEvents', retryDelays: number[]): signalR.HubConnection {
    let builder = new signalR.HubConnectionBuilder()
      .withUrl(`${proxy.url}/hubs/campaign`, { transport: signalR.HttpTransportType[transport], accessTokenFactory: () => hubToken })
      .configureLogging(signalR.LogLevel.None)
    if (retryDelays.length > 0) builder = builder.withAutomaticReconnect(retryDelays)
    return builder.build()
  }
})

/** What the client did and when, for docs/SIGNALR.md (printed, never asserted). */
function report(transport: string, what: string, since: number, error: Error | undefined): void {
  console.info(`[misdirected] ${transport}, ${what}: ${Date.now() - since} ms${error ? `, ${JSON.stringify(error.message)}` : ''}`)
}

async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await condition()) return
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  throw new Error('The condition never held')
}
