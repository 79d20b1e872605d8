import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, registerUser, type RegisteredUser } from '../../support/api-client'
import { startApp, type RunningApp } from '../../support/app-server'
import { connectCampaignHub } from '../../support/campaign-hub'

/** Everything a session cookie opens: each must refuse a session that has ended. */
const SESSION_USES = [
  ['GET', '/api/auth/me'],
  ['GET', '/api/_auth/session'],
  ['GET', '/api/tokens'],
  ['POST', '/api/tokens'],
  ['POST', '/api/hub/token'],
  ['GET', '/api/campaigns'],
] as const

/** The caps this file's server runs with: small, so reaching them takes a few requests. */
const LIVE_SESSIONS = 4
const TOKENS = 3

describe('server-side sessions', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp({ RATE_LIMIT_PER_MINUTE: '100000', LIVE_SESSIONS_PER_USER: String(LIVE_SESSIONS), PERSONAL_ACCESS_TOKENS_PER_USER: String(TOKENS) })
  })
  afterAll(() => app?.stop())

  async function expectEnded(copy: ApiClient, user: RegisteredUser) {
    for (const [method, path] of SESSION_USES) {
      const response = await copy.request(method, path, { json: method === 'POST' ? { name: 'stolen', password: user.password } : undefined })
      expect(response.status, `${method} ${path}`).toBe(401)
      expect(response.headers.get('content-type'), `${method} ${path}`).toContain('application/problem+json')
    }
  }

  it('a session cookie copied before sign-out opens nothing afterwards', async () => {
    const user = await registerUser(app.url)
    const copy = user.client.movedTo(app.url)
    expect((await copy.get('/api/auth/me')).body.user.id).toBe(user.id)
    expect((await copy.get('/api/_auth/session')).body.user.id).toBe(user.id)

    expect((await user.client.post('/api/auth/logout')).status).toBe(204)
    await expectEnded(copy, user)
  })

  it('signing out through the session module\'s own endpoint ends the session too', async () => {
    const user = await registerUser(app.url)
    const copy = user.client.movedTo(app.url)
    expect((await user.client.delete('/api/_auth/session')).status).toBe(200)
    await expectEnded(copy, user)
  })

  it('signing in again ends the session the browser had, and only that one', async () => {
    const user = await registerUser(app.url)
    const elsewhere = new ApiClient(app.url)
    expect((await elsewhere.post('/api/auth/login', { email: user.email, password: user.password })).status).toBe(200)
    const copy = user.client.movedTo(app.url)
    expect((await user.client.post('/api/auth/login', { email: user.email, password: user.password })).status).toBe(200)
    expect((await user.client.get('/api/auth/me')).status).toBe(200)
    expect((await elsewhere.get('/api/auth/me')).status).toBe(200)
    await expectEnded(copy, user)
  })

  it('keeps a user\'s newest LIVE_SESSIONS_PER_USER sessions: the sign-in beyond ends the oldest, its cookie and its hub connection', async () => {
    const user = await registerUser(app.url)
    const oldest = await connectCampaignHub(app.url, user.client)
    const signIns = Array.from({ length: LIVE_SESSIONS }, () => new ApiClient(app.url))
    for (const browser of signIns) expect((await browser.post('/api/auth/login', { email: user.email, password: user.password })).status).toBe(200)

    expect(String(await oldest.closed)).toMatch(/no longer valid/)
    await expectEnded(user.client.movedTo(app.url), user)
    for (const browser of [signIns[0]!, signIns.at(-1)!]) expect((await browser.get('/api/auth/me')).status).toBe(200)
  })

  describe('creating a personal access token', () => {
    it('asks for the password again: missing is 400 on the password field, wrong is 403, right is 201', async () => {
      const user = await registerUser(app.url)
      const missing = await user.client.post('/api/tokens', { name: 'ci' })
      expect(missing.status).toBe(400)
      expect(missing.body.errors.password).toEqual(['Enter your password to create a token'])

      const wrong = await user.client.post('/api/tokens', { name: 'ci', password: 'not-my-password-at-all' })
      expect(wrong.status).toBe(403)
      expect(wrong.headers.get('content-type')).toContain('application/problem+json')
      expect(wrong.body).toMatchObject({ type: '/problems/password-not-confirmed', errors: { password: ['The password is incorrect'] } })
      expect((await user.client.get('/api/tokens')).body.items).toEqual([])

      const right = await user.client.post('/api/tokens', { name: 'ci', password: user.password })
      expect(right.status).toBe(201)
      expect(right.body.token).toMatch(/^map_pat_/)
    })

    it('keeps at most PERSONAL_ACCESS_TOKENS_PER_USER unrevoked tokens: then 409 until one is revoked', async () => {
      const user = await registerUser(app.url)
      const create = (name: string) => user.client.post('/api/tokens', { name, password: user.password })
      const created = []
      for (let index = 0; index < TOKENS; index++) created.push((await create(`script ${index}`)).body)
      const refused = await create('one too many')
      expect(refused.status).toBe(409)
      expect(refused.body).toMatchObject({ type: '/problems/token-limit', detail: expect.stringContaining(`${TOKENS} personal access tokens`) })
      expect((await user.client.get('/api/tokens')).body.items).toHaveLength(TOKENS)

      expect((await user.client.delete(`/api/tokens/${created[0].id}`)).status).toBe(204)
      const room = await create('in its place')
      expect(room.status).toBe(201)
      expect((await user.client.get('/api/tokens')).body.items.map((token: { name: string }) => token.name).sort())
        .toEqual(['in its place', 'script 1', 'script 2'])
      expect((await new ApiClient(app.url).get('/api/auth/me', { Authorization: `Bearer ${created[0].token}` })).status).toBe(401)
    })

    it('counts wrong passwords like failed sign-ins, so a stolen session cannot guess on', async () => {
      const user = await registerUser(app.url)
      for (let attempt = 0; attempt < 5; attempt++) {
        expect((await user.client.post('/api/tokens', { name: 'ci', password: `guess-${attempt}-password` })).status).toBe(403)
      }
      const throttled = await user.client.post('/api/tokens', { name: 'ci', password: user.password })
      expect(throttled.status).toBe(429)
      expect(throttled.body.type).toBe('/problems/sign-in-throttled')
    })
  })
})
