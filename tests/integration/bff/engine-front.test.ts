import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SIGN_IN_ENDED } from '../../../server/app/hub-credential-revocation'
import { bearer, registerUser, type RegisteredUser } from '../../support/api-client'
import { freePort, runAppExpectingExit, type RunningApp } from '../../support/app-server'
import { connectCampaignHub, hubTokenFrom } from '../../support/campaign-hub'
import { connectReviewHub, createReviewLink } from '../../support/review-hub'
import { createCampaign, expectProblem, startCampaignApp } from '../../support/campaigns'
import { clusterEnv } from '../../support/cluster'
import { signHubToken } from '../../support/hub-tokens'
import { startRoundRobinProxy, type RoundRobinProxy } from '../../support/round-robin-proxy'
import { signServiceToken } from '../../support/service-tokens'
import { databaseDrivers, type TestDatabase } from '../../support/test-databases'

const postgres = (await databaseDrivers()).find(driver => driver.name === 'postgres')!
const SERVICE_SECRET = randomBytes(32).toString('hex')

describe('ENGINE_URL settings the server refuses', () => {
  it.each([
    ['without ENGINE_SERVICE_SECRET', { ENGINE_URL: 'http://127.0.0.1:9' }, /ENGINE_URL needs ENGINE_SERVICE_SECRET/],
    ['without DATABASE_URL', { ENGINE_URL: 'http://127.0.0.1:9', ENGINE_SERVICE_SECRET: SERVICE_SECRET }, /ENGINE_URL needs DATABASE_URL/],
  ])('ENGINE_URL %s stops the server with a message naming what is missing', async (_, env, message) => {
    const ended = await runAppExpectingExit(env)
    expect(ended.exitCode).toBe(1)
    expect(ended.output).toMatch(message)
  })
})

/**
 * Two processes of the app on one PostgreSQL database: a web front (ENGINE_URL) and the engine it
 * relays to. The front reaches the engine through a pass-through proxy that records what the engine
 * was sent; browsers reach the engine's hub directly (ENGINE_PUBLIC_URL), as a deployment would.
 */
describe.skipIf(postgres.skipReason)('a web front and its engine', () => {
  let database: TestDatabase
  let engine: RunningApp
  let web: RunningApp
  let wire: RoundRobinProxy
  let owner: RegisteredUser
  beforeAll(async () => {
    database = await postgres.create()
    const shared = clusterEnv(database.url!, { ENGINE_SERVICE_SECRET: SERVICE_SECRET })
    const webPort = await freePort()
    engine = await startCampaignApp({ ...shared, WEB_ORIGIN: `http://127.0.0.1:${webPort}`, HUB_CREDENTIAL_CHECK_SECONDS: '1' })
    wire = await startRoundRobinProxy([engine.url])
    web = await startCampaignApp({ ...shared, ENGINE_URL: wire.url, ENGINE_PUBLIC_URL: engine.url }, { port: webPort })
    owner = await registerUser(web.url)
  }, 120_000)
  afterAll(async () => {
    await Promise.all([web?.stop(), engine?.stop()])
    await wire?.close()
    await database?.dispose()
  })

  it('relays campaign calls with a service token, never the browser\'s cookie, under the front\'s request id', async () => {
    const id = await createCampaign(owner.client)
    const listed = await owner.client.get('/api/campaigns')
    expect(listed.status).toBe(200)
    expect(listed.body.items.map((campaign: { id: string }) => campaign.id)).toContain(id)
    // Brand kits live beside the campaigns that name them.
    const kit = await owner.client.post('/api/brand-kits', { name: 'Relayed kit' })
    expect(kit.status).toBe(201)
    expect((await owner.client.put(`/api/brand-kits/${kit.body.id}`, { name: 'Relayed again' })).status).toBe(200)

    const relayed = wire.received.filter(request => request.url.startsWith('/api/'))
    expect(relayed.map(request => `${request.method} ${request.url}`)).toEqual(expect.arrayContaining([
      'POST /api/campaigns', 'GET /api/campaigns', 'POST /api/brand-kits', `PUT /api/brand-kits/${kit.body.id}`,
    ]))
    for (const request of relayed) {
      expect(request.headers.cookie).toBeUndefined()
      expect(request.headers.authorization).toMatch(/^Bearer ey[\w-]+\.[\w-]+\.[\w-]+$/)
      expect(request.headers['x-request-id']).toMatch(/^[\da-f-]{36}$/)
    }
    // Sign-in and registration stay on the front: the engine never sees a password.
    expect(wire.received.some(request => request.url.startsWith('/api/auth/'))).toBe(false)
    // One request id names the request in both processes' logs.
    const requestId = relayed.find(request => request.method === 'POST')!.headers['x-request-id'] as string
    expect(requestLine(await waitForLine(web, requestId), requestId)).toMatchObject({ method: 'POST', path: '/api/campaigns', status: 201 })
    expect(requestLine(await waitForLine(engine, requestId), requestId)).toMatchObject({ method: 'POST', path: '/api/campaigns', status: 201, userId: owner.id })
  })

  it('passes the engine\'s Problem Details and status through', async () => {
    const missing = await owner.client.get('/api/campaigns/00000000-0000-4000-8000-000000000000')
    expectProblem(missing, 404)
    const invalid = await owner.client.post('/api/campaigns', { theme: '' })
    expectProblem(invalid, 400)
    expect(Object.keys(invalid.body.errors)).toContain('theme')
    expectProblem(await owner.client.anonymous().get('/api/campaigns'), 401)
  })

  it('answers the hub\'s negotiate with a redirect to the engine\'s hub and a hub token for it', async () => {
    const token = await hubTokenFrom(owner.client)
    const redirect = await fetch(`${web.url}/hubs/campaign/negotiate?negotiateVersion=1`, { method: 'POST', headers: bearer(token) })
    expect(redirect.status).toBe(200)
    const body = await redirect.json()
    expect(body).toEqual({ url: `${engine.url}/hubs/campaign`, accessToken: expect.stringMatching(/^ey/) })
    // The engine accepts it: a real negotiate there.
    const negotiated = await fetch(`${body.url}/negotiate?negotiateVersion=1`, { method: 'POST', headers: bearer(body.accessToken) })
    expect(await negotiated.json()).toMatchObject({ negotiateVersion: 1, connectionToken: expect.any(String) })

    expect((await fetch(`${web.url}/hubs/campaign/negotiate`, { method: 'POST' })).status).toBe(401)
    expect((await fetch(`${web.url}/hubs/campaign/negotiate`, { method: 'POST', headers: bearer(await signHubToken({ subject: owner.id, secret: 'x'.repeat(40) })) })).status).toBe(401)
    // The front serves no transports of its own.
    expect((await fetch(`${web.url}/hubs/campaign?id=anything`)).status).toBe(404)
  })

  it.each(['WebSockets', 'LongPolling'] as const)('the official client (%s) follows the redirect and receives the run\'s events from the engine', async (transport) => {
    const id = await createCampaign(owner.client)
    const { connection, log } = await connectCampaignHub(web.url, owner.client, { transport })
    try {
      await connection.invoke('JoinCampaignGroup', id)
      expect((await owner.client.post(`/api/campaigns/${id}/generate`)).status).toBe(202)
      await log.waitFor(event => event.name === 'OnCampaignCompleted', 'completion', 60_000)
      const names = log.events.map(event => event.name)
      expect(names[0]).toBe('OnCampaignStarted')
      expect(names.filter(name => name === 'OnArtifactGenerated')).toHaveLength(3)
      expect(names.at(-1)).toBe('OnCampaignCompleted')
    }
    finally {
      await connection.stop()
    }
  })

  it('relays a reviewer\'s calls, and sends the reviewer\'s hub client through the front\'s negotiate to the engine', async () => {
    const id = await createCampaign(owner.client)
    const link = await createReviewLink(owner.client, id)
    const reviewer = owner.client.anonymous()
    expect((await reviewer.get(`/api/review/${link.token}`)).status).toBe(200)
    const issued = await reviewer.post(`/api/review/${link.token}/hub-token`)
    // The engine names the hub as the caller reached the front; the front's negotiate redirects.
    expect(issued.body.url).toBe(`${web.url}/hubs/campaign`)
    const { connection } = await connectReviewHub(reviewer, link.token)
    try {
      await connection.invoke('JoinCampaignGroup', id)
      await expect(connection.invoke('JoinCampaignGroup', await createCampaign(owner.client))).rejects.toThrow()
    }
    finally {
      await connection.stop()
    }
  })

  it('opens the engine\'s hub to the web front\'s pages across origins, and to no other origin', async () => {
    const preflight = (origin: string) => fetch(`${engine.url}/hubs/campaign/negotiate`, {
      method: 'OPTIONS',
      headers: { 'Origin': origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,x-requested-with,x-signalr-user-agent' },
    })
    const allowed = await preflight(web.url)
    expect(allowed.status).toBe(204)
    expect(allowed.headers.get('access-control-allow-origin')).toBe(web.url)
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true')
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/Authorization/)
    expect((await preflight('http://elsewhere.example')).headers.get('access-control-allow-origin')).toBeNull()
    // The engine's REST is not opened across origins.
    const rest = await fetch(`${engine.url}/api/campaigns`, { headers: { Origin: web.url } })
    expect(rest.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('the engine accepts only genuine, fresh service tokens signed with the shared secret', async () => {
    const reviewerCall = (token: string) => fetch(`${engine.url}/api/review/not-a-link`, { headers: bearer(token) })
    // Genuine (for no user, as a reviewer's call is relayed): the engine answers the call itself.
    expect((await reviewerCall(await signServiceToken({ secret: SERVICE_SECRET }))).status).toBe(404)

    const refused = {
      forged: await signServiceToken({ secret: randomBytes(32).toString('hex') }),
      expired: await signServiceToken({ secret: SERVICE_SECRET, issuedAgo: 120, expiresIn: -60 }),
      tooOld: await signServiceToken({ secret: SERVICE_SECRET, issuedAgo: 3600, expiresIn: 3600 }),
      otherAudience: await signServiceToken({ secret: SERVICE_SECRET, audience: 'marketing-agents:hub' }),
      otherIssuer: await signServiceToken({ secret: SERVICE_SECRET, issuer: 'marketing-agents' }),
    }
    for (const [kind, token] of Object.entries(refused)) {
      const response = await reviewerCall(token)
      const body = await response.json()
      expect(response.status, kind).toBe(401)
      expect(response.headers.get('content-type')).toContain('application/problem+json')
      expect(body).toMatchObject({ status: 401, detail: 'The service token is invalid or expired' })
    }
  })

  it('signing out on the front ends the session\'s hub connection on the engine, which checks the shared session rows', async () => {
    const leaving = await registerUser(web.url)
    const { closed } = await connectCampaignHub(web.url, leaving.client)
    expect((await leaving.client.post('/api/auth/logout')).status).toBe(204)
    // No backplane joins the two here: the engine finds the session revoked at its next credential check (every second here).
    expect(String(await closed)).toContain(SIGN_IN_ENDED)
    expectProblem(await leaving.client.get('/api/campaigns'), 401)
  }, 45_000)

  // Last: it takes the engine away from the front.
  it('answers 503 Problem Details with a correlation id when the engine cannot be reached', async () => {
    await wire.close()
    const response = await owner.client.get('/api/campaigns')
    expectProblem(response, 503)
    expect(response.headers.get('retry-after')).toBe('5')
    expect(response.body.correlationId).toMatch(/^[\da-f-]{36}$/)
    expect(response.body.detail).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/)
    expect(await web.outputContaining(response.body.correlationId)).toMatch(/ECONNREFUSED/)
    expect((await (await fetch(`${web.url}/health`)).json()).checks).toMatchObject({ engine: 'Unhealthy' })
  })
})

/** The request log line with this request id, parsed. */
function requestLine(app: RunningApp, requestId: string): Record<string, unknown> | undefined {
  const line = app.output().split('\n').find(text => text.includes(`"requestId":"${requestId}"`) && text.includes('"msg":"request"'))
  return line ? JSON.parse(line) : undefined
}

/** The app, once its request log holds a line with this request id (logs arrive on their own schedule). */
async function waitForLine(app: RunningApp, requestId: string): Promise<RunningApp> {
  await app.outputContaining(`"requestId":"${requestId}"`)
  return app
}
