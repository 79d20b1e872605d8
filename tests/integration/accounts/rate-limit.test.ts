import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, bearer, registerUser } from '../../support/api-client'
import { startApp, type RunningApp } from '../../support/app-server'

const LIMIT = 8
let addressCounter = 1
const fromNewAddress = () => ({ 'X-Forwarded-For': `203.0.113.${addressCounter++}` })

describe(`rate limiting at ${LIMIT} requests per minute per principal`, () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp({ RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUST_PROXY: 'true' })
  })
  afterAll(() => app?.stop())

  it('counts down in X-RateLimit-* headers on every answer, errors included, then answers 429 with Retry-After', async () => {
    const client = new ApiClient(app.url, fromNewAddress())
    const paths = ['/api/auth/me', '/api/no-such-endpoint']
    // The window opens with the first request, somewhere between sending it and its answer.
    const sentFirst = Date.now()
    const resets: number[] = []
    for (let used = 1; used <= LIMIT; used++) {
      const response = await client.get(paths[used % 2]!)
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.headers.get('x-ratelimit-limit')).toBe(String(LIMIT))
      expect(response.headers.get('x-ratelimit-remaining')).toBe(String(LIMIT - used))
      resets.push(Number(response.headers.get('x-ratelimit-reset')))
    }
    const answeredLast = Date.now()
    expect(new Set(resets).size).toBe(1)
    expect(resets[0]).toBeGreaterThanOrEqual(Math.floor((sentFirst + 60_000) / 1000))
    expect(resets[0]).toBeLessThanOrEqual(Math.ceil((answeredLast + 60_000) / 1000))
    const limited = await client.get('/api/auth/me')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('content-type')).toBe('application/problem+json')
    expect(limited.body.type).toBe('/problems/rate-limited')
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
    const retryAfter = Number(limited.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
  })

  it('gives each anonymous address its own budget', async () => {
    const exhausted = new ApiClient(app.url, fromNewAddress())
    for (let i = 0; i < LIMIT; i++) await exhausted.get('/api/auth/me')
    expect((await exhausted.get('/api/auth/me')).status).toBe(429)
    expect((await new ApiClient(app.url, fromNewAddress()).get('/api/auth/me')).status).toBe(401)
  })

  it('counts a signed-in user as one principal across session and tokens and addresses, apart from other users', async () => {
    const user = await registerUser(app.url, fromNewAddress())
    const { token } = (await user.client.post('/api/tokens', { name: 'budget', password: user.password })).body
    // Registration came from an address; from here on every call is the user's.
    let remaining = Number((await user.client.get('/api/auth/me')).headers.get('x-ratelimit-remaining'))
    expect(remaining).toBe(LIMIT - 2)
    while (remaining > 0) {
      const response = await new ApiClient(app.url, fromNewAddress()).get('/api/auth/me', bearer(token))
      expect(response.status).toBe(200)
      remaining = Number(response.headers.get('x-ratelimit-remaining'))
    }
    expect((await user.client.get('/api/auth/me')).status).toBe(429)
    expect((await new ApiClient(app.url, fromNewAddress()).get('/api/auth/me', bearer(token))).status).toBe(429)

    const other = await registerUser(app.url, fromNewAddress())
    expect((await other.client.get('/api/auth/me')).status).toBe(200)
  })

  it('leaves pages and /health alone', async () => {
    const client = new ApiClient(app.url, fromNewAddress())
    for (let i = 0; i <= LIMIT; i++) await client.get('/api/auth/me')
    const health = await fetch(`${app.url}/health`, { headers: fromNewAddress() })
    expect(health.status).toBe(200)
    expect(health.headers.get('x-ratelimit-limit')).toBeNull()
  })
})
