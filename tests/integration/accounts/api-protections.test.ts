import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, bearer, registerUser, type RegisteredUser } from '../../support/api-client'
import { startApp, type RunningApp } from '../../support/app-server'

const PROBLEM_FIELDS = ['type', 'title', 'status', 'detail', 'instance']

describe('Problem Details, security headers and cross-site protection', () => {
  let app: RunningApp
  let user: RegisteredUser
  beforeAll(async () => {
    app = await startApp({ RATE_LIMIT_PER_MINUTE: '100000' })
    user = await registerUser(app.url)
  })
  afterAll(() => app?.stop())

  function expectProblem(response: { status: number, headers: Headers, body: Record<string, unknown> }, status: number) {
    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    for (const field of PROBLEM_FIELDS) expect(response.body).toHaveProperty(field)
    expect(response.body.status).toBe(status)
    expect(JSON.stringify(response.body)).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.mjs/)
  }

  describe('Problem Details for every /api error', () => {
    it.each([
      ['GET', '/api/no-such-thing'],
      ['POST', '/api/no/such/thing'],
      ['GET', '/api'],
      ['GET', '/api/auth/login'],
    ])('%s %s (no such endpoint) → 404', async (method, path) => {
      const response = await user.client.request(method, path)
      expectProblem(response, 404)
      expect(response.body.instance).toBe(path)
    })

    it('malformed JSON → 400 malformed-json', async () => {
      const response = await new ApiClient(app.url).request('POST', '/api/auth/login', { body: '{"email": "a@example.com",', headers: { 'Content-Type': 'application/json' } })
      expectProblem(response, 400)
      expect(response.body.type).toBe('/problems/malformed-json')
    })

    it('zod validation → 400 with field → messages in errors', async () => {
      const response = await new ApiClient(app.url).post('/api/auth/register', { email: 'not-an-email', password: 'short' })
      expectProblem(response, 400)
      expect(response.body.type).toBe('/problems/validation-failed')
      expect(response.body.errors).toEqual({
        name: ['Name is required'],
        email: ['Enter a valid email address'],
        password: ['Password must be at least 10 characters'],
      })
    })

    it('a body that is not JSON at all → 415', async () => {
      const response = await new ApiClient(app.url).request('POST', '/api/auth/login', { body: 'email=a', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
      expectProblem(response, 415)
    })

    it('an instance never carries the query string (it may hold a token)', async () => {
      const response = await new ApiClient(app.url).get('/api/auth/me?access_token=secret-value')
      expectProblem(response, 401)
      expect(response.body.instance).toBe('/api/auth/me')
    })

    it('pages outside /api keep the HTML error page', async () => {
      const response = await fetch(`${app.url}/no-such-page`, { headers: { Cookie: user.client.sessionCookie!, Accept: 'text/html' } })
      expect(response.status).toBe(404)
      expect(response.headers.get('content-type')).toContain('text/html')
    })
  })

  describe('security headers', () => {
    it('pages carry a strict, nonce-based Content-Security-Policy and no-framing headers', async () => {
      const response = await fetch(`${app.url}/login`)
      const csp = response.headers.get('content-security-policy')!
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
      expect(nonce).toBeTruthy()
      expect(csp).toContain(`frame-ancestors 'none'`)
      expect(csp).toContain(`object-src 'none'`)
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
      const html = await response.text()
      const scripts = html.match(/<script\b[^>]*>/g) ?? []
      expect(scripts.length).toBeGreaterThan(0)
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    })

    it('each page gets a fresh nonce', async () => {
      const nonceOf = async () => /'nonce-([^']+)'/.exec((await fetch(`${app.url}/login`)).headers.get('content-security-policy')!)?.[1]
      expect(await nonceOf()).not.toBe(await nonceOf())
    })

    it('API answers carry the headers too, and are not cached', async () => {
      const response = await user.client.get('/api/auth/me')
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('content-security-policy')).toContain(`frame-ancestors 'none'`)
      expect(response.headers.get('cache-control')).toBe('no-store')
    })
  })

  describe('cross-site requests', () => {
    it('refuses a cookie-authenticated mutation from another origin with 403', async () => {
      const response = await user.client.post('/api/tokens', { name: 'csrf', password: user.password }, { Origin: 'https://evil.example' })
      expectProblem(response, 403)
      expect(response.body.type).toBe('/problems/cross-site-request')
      expect((await user.client.get('/api/tokens')).body.items.map((t: { name: string }) => t.name)).not.toContain('csrf')
    })

    it('refuses one the browser marks cross-site without an Origin', async () => {
      const response = await user.client.request('POST', '/api/auth/logout', { headers: { 'Origin': '', 'Sec-Fetch-Site': 'cross-site' } })
      expectProblem(response, 403)
    })

    it('refuses a cookie-authenticated mutation that says nothing of where it comes from', async () => {
      const response = await user.client.request('POST', '/api/tokens', { json: { name: 'anonymous-origin', password: user.password }, headers: { Origin: '' } })
      expectProblem(response, 403)
    })

    it('refuses a sign-in posted from another site (login CSRF)', async () => {
      const response = await new ApiClient(app.url).post('/api/auth/login', { email: user.email, password: user.password }, { Origin: 'https://evil.example' })
      expectProblem(response, 403)
    })

    it('allows the same mutation from the app\'s own origin', async () => {
      expect((await user.client.post('/api/tokens', { name: 'same-origin', password: user.password })).status).toBe(201)
    })

    it('allows reads from anywhere, and bearer-authenticated calls, which carry no ambient credential', async () => {
      expect((await user.client.get('/api/auth/me', { Origin: 'https://evil.example' })).status).toBe(200)
      const { token } = (await user.client.post('/api/tokens', { name: 'script', password: user.password })).body
      const response = await new ApiClient(app.url).post('/api/hub/token', undefined, { ...bearer(token), Origin: 'https://elsewhere.example' })
      expect(response.status).toBe(200)
    })
  })
})
