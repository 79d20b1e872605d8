import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openEmbeddedDatabase } from '../../../server/db/embedded-database'
import { ApiClient, bearer, registerUser, type RegisteredUser } from '../../support/api-client'
import { createDataDir, startApp, type RunningApp } from '../../support/app-server'
import { signHubToken, TEST_HUB_TOKEN_SECRET } from '../../support/hub-tokens'

/**
 * Every endpoint this layer adds, called with every kind of credential. Alice owns the tokens;
 * Bob is "another user"; the rest are credentials that must not work on REST.
 */
describe('authorization matrix over the accounts and token endpoints', () => {
  let app: RunningApp
  let alice: RegisteredUser
  let bob: RegisteredUser
  let aliceToken: { id: string, token: string }
  const credentials: Record<string, Record<string, string>> = {}
  const env = { HUB_TOKEN_SECRET: TEST_HUB_TOKEN_SECRET, RATE_LIMIT_PER_MINUTE: '100000', DATA_DIR: createDataDir() }

  beforeAll(async () => {
    app = await startApp(env)
    alice = await registerUser(app.url)
    bob = await registerUser(app.url)
    const create = async (name: string) => (await alice.client.post('/api/tokens', { name, expiresInDays: 30, password: alice.password })).body
    aliceToken = await create('active')
    const expiring = await create('expired')
    const revoked = await create('revoked')
    expect((await alice.client.delete(`/api/tokens/${revoked.id}`)).status).toBe(204)
    const hubToken = (await alice.client.post('/api/hub/token')).body.accessToken

    // An expired personal access token cannot be made in under a day through the API: stop the
    // server, move its expiry into the past in the database, and start again on the same data.
    await app.stop()
    const db = await openEmbeddedDatabase(join(env.DATA_DIR, 'db'))
    await db.withSession(session => session.query(`UPDATE "personal_access_tokens" SET "expires_at" = now() - interval '1 minute' WHERE "id" = $1`, [expiring.id]))
    await db.close()
    app = await startApp(env)
    for (const user of [alice, bob]) user.client = user.client.movedTo(app.url)

    Object.assign(credentials, {
      'no credentials': {},
      'an expired personal access token': bearer(expiring.token),
      'a revoked personal access token': bearer(revoked.token),
      'a forged personal access token': bearer(`map_pat_${'A'.repeat(43)}`),
      'a hub token (hub-only credential)': bearer(hubToken),
      'a forged hub token': bearer(await signHubToken({ subject: alice.id, secret: 'x'.repeat(48) })),
      'an expired hub token': bearer(await signHubToken({ subject: alice.id, expiresIn: -60 })),
      'a malformed Authorization header': { Authorization: 'Basic YWxpY2U6c2VjcmV0' },
      'a hub token alongside a valid session': bearer(hubToken),
    })
  }, 120_000)
  afterAll(async () => {
    await app?.stop()
    rmSync(env.DATA_DIR, { recursive: true, force: true })
  })

  const client = (name: string) => name === 'a hub token alongside a valid session' ? alice.client : new ApiClient(app.url)

  const endpoints = [
    { method: 'GET', label: '/api/auth/me', path: () => '/api/auth/me' },
    { method: 'GET', label: '/api/tokens', path: () => '/api/tokens' },
    { method: 'POST', label: '/api/tokens', path: () => '/api/tokens', json: { name: 'sneaky' } },
    { method: 'DELETE', label: '/api/tokens/{Alice\'s token}', path: () => `/api/tokens/${aliceToken.id}` },
    { method: 'POST', label: '/api/hub/token', path: () => '/api/hub/token' },
  ]

  describe.each([
    'no credentials',
    'an expired personal access token',
    'a revoked personal access token',
    'a forged personal access token',
    'a hub token (hub-only credential)',
    'a forged hub token',
    'an expired hub token',
    'a malformed Authorization header',
    'a hub token alongside a valid session',
  ])('with %s', (credential) => {
    it.each(endpoints)('$method $label is refused with 401 Problem Details', async ({ method, path, json }) => {
      const response = await client(credential).request(method, path(), { json, headers: credentials[credential] })
      expect(response.status).toBe(401)
      expect(response.headers.get('content-type')).toContain('application/problem+json')
      expect(response.headers.get('www-authenticate')).toBe('Bearer')
      expect(response.body).toMatchObject({ status: 401, title: 'Unauthorized', instance: path() })
    })
  })

  it('the refused DELETE above left Alice\'s token working', async () => {
    expect((await new ApiClient(app.url).get('/api/auth/me', bearer(aliceToken.token))).status).toBe(200)
  })

  describe('with another user\'s session', () => {
    it('GET /api/auth/me answers with that user, not Alice', async () => {
      expect((await bob.client.get('/api/auth/me')).body.user.id).toBe(bob.id)
    })

    it('GET /api/tokens lists none of Alice\'s tokens', async () => {
      const response = await bob.client.get('/api/tokens')
      expect(response.status).toBe(200)
      expect(response.body.items).toEqual([])
    })

    it('DELETE /api/tokens/{Alice\'s token} is 404, and her token keeps working', async () => {
      const response = await bob.client.delete(`/api/tokens/${aliceToken.id}`)
      expect(response.status).toBe(404)
      expect(response.headers.get('content-type')).toContain('application/problem+json')
      expect((await new ApiClient(app.url).get('/api/auth/me', bearer(aliceToken.token))).status).toBe(200)
    })

    it('POST /api/hub/token issues a token for that user, not Alice', async () => {
      const { accessToken } = (await bob.client.post('/api/hub/token')).body
      const { payload } = await jwtVerify(accessToken, new TextEncoder().encode(TEST_HUB_TOKEN_SECRET), { audience: 'marketing-agents:hub' })
      expect(payload.sub).toBe(bob.id)
    })
  })

  describe('with the owner\'s valid credentials', () => {
    it('a session reaches every endpoint', async () => {
      expect((await alice.client.get('/api/auth/me')).body.user).toMatchObject({ id: alice.id, email: alice.email, name: alice.name })
      expect((await alice.client.get('/api/tokens')).body.items.map((t: { name: string }) => t.name).sort()).toEqual(['active', 'expired'])
      const created = await alice.client.post('/api/tokens', { name: 'temporary', password: alice.password })
      expect(created.status).toBe(201)
      expect((await alice.client.delete(`/api/tokens/${created.body.id}`)).status).toBe(204)
      expect((await alice.client.post('/api/hub/token')).status).toBe(200)
    })

    it('a personal access token reaches the API and the hub-token endpoint, and records its use', async () => {
      const anonymous = new ApiClient(app.url)
      expect((await anonymous.get('/api/auth/me', bearer(aliceToken.token))).body.user.id).toBe(alice.id)
      expect((await anonymous.post('/api/hub/token', undefined, bearer(aliceToken.token))).status).toBe(200)
      const listed = (await alice.client.get('/api/tokens')).body.items.find((t: { id: string }) => t.id === aliceToken.id)
      expect(listed.lastUsedAt).not.toBeNull()
    })

    it('a personal access token cannot manage tokens: that takes a signed-in session', async () => {
      const anonymous = new ApiClient(app.url)
      for (const [method, path] of [['GET', '/api/tokens'], ['POST', '/api/tokens'], ['DELETE', `/api/tokens/${aliceToken.id}`]] as const) {
        const response = await anonymous.request(method, path, { json: method === 'POST' ? { name: 'x' } : undefined, headers: bearer(aliceToken.token) })
        expect(response.status, `${method} ${path}`).toBe(403)
      }
    })
  })

  it('hub tokens are signed for the hub, for at most 15 minutes, with the hub\'s URL', async () => {
    const response = await alice.client.post('/api/hub/token')
    const { payload } = await jwtVerify(response.body.accessToken, new TextEncoder().encode(TEST_HUB_TOKEN_SECRET), {
      audience: 'marketing-agents:hub', issuer: 'marketing-agents',
    })
    expect(payload.sub).toBe(alice.id)
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(15 * 60)
    expect(new Date(response.body.expiresAt).getTime()).toBe(payload.exp! * 1000)
    expect(response.body.url).toBe(`${app.url}/hubs/campaign`)
  })

  it('lists tokens without their secrets', async () => {
    const response = await alice.client.get('/api/tokens')
    expect(JSON.stringify(response.body)).not.toContain(aliceToken.token)
    expect(response.body.items[0]).not.toHaveProperty('token')
    expect(response.body.items[0]).not.toHaveProperty('tokenHash')
  })
})
