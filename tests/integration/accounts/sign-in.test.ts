import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, registerUser, STRONG_PASSWORD } from '../../support/api-client'
import { startApp, type RunningApp } from '../../support/app-server'
import { postJsonFrom } from '../../support/from-address'

// TRUST_PROXY lets each test speak from its own address (X-Forwarded-For), so per-address
// throttling in one test does not spill into another.
let addressCounter = 1
const fromNewAddress = () => ({ 'X-Forwarded-For': `198.51.100.${addressCounter++}` })

describe('registration, sign-in, sign-out and me', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp({ TRUST_PROXY: 'true', RATE_LIMIT_PER_MINUTE: '100000' })
  })
  afterAll(() => app?.stop())

  it('registers with 201, the user, and a sealed httpOnly SameSite=Lax session cookie', async () => {
    const client = new ApiClient(app.url, fromNewAddress())
    const response = await client.post('/api/auth/register', { name: 'Rae', email: 'Rae@Example.com', password: STRONG_PASSWORD })
    expect(response.status).toBe(201)
    expect(response.body.user).toMatchObject({ name: 'Rae', email: 'rae@example.com' })
    expect(response.body.user).not.toHaveProperty('passwordHash')
    const cookie = response.headers.getSetCookie().find(c => c.startsWith('nuxt-session='))!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).not.toContain('rae@example.com')
    expect((await client.get('/api/auth/me')).body.user.email).toBe('rae@example.com')
  })

  it('signs out with 204, after which the session no longer works; signing out again is harmless', async () => {
    const { client } = await registerUser(app.url, fromNewAddress())
    expect((await client.post('/api/auth/logout')).status).toBe(204)
    expect((await client.get('/api/auth/me')).status).toBe(401)
    expect((await client.post('/api/auth/logout')).status).toBe(204)
  })

  it('signs in with 200 and the user, whatever the email\'s case', async () => {
    const user = await registerUser(app.url, fromNewAddress())
    const client = new ApiClient(app.url, fromNewAddress())
    const response = await client.post('/api/auth/login', { email: user.email.toUpperCase(), password: user.password })
    expect(response.status).toBe(200)
    expect(response.body.user.id).toBe(user.id)
    expect((await client.get('/api/auth/me')).body.user.id).toBe(user.id)
  })

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const user = await registerUser(app.url, fromNewAddress())
    const unknown = await new ApiClient(app.url, fromNewAddress()).post('/api/auth/login', { email: 'nobody@example.com', password: STRONG_PASSWORD })
    const wrong = await new ApiClient(app.url, fromNewAddress()).post('/api/auth/login', { email: user.email, password: 'wrong-password-entirely' })
    expect(unknown.status).toBe(401)
    expect(wrong.status).toBe(401)
    expect(wrong.body).toEqual(unknown.body)
  })

  it('refuses a taken email with 409, whatever its case', async () => {
    const user = await registerUser(app.url, fromNewAddress())
    const response = await new ApiClient(app.url, fromNewAddress()).post('/api/auth/register', { name: 'Again', email: user.email.toUpperCase(), password: STRONG_PASSWORD })
    expect(response.status).toBe(409)
    expect(response.body.errors.email).toHaveLength(1)
  })

  it.each([
    ['too short', 'short1!', /at least 10/],
    ['among the most common', 'password1234', /commonly used/],
    ['made of one repeated character', 'aaaaaaaaaaaa', /commonly used|different characters/],
    ['containing the email address', 'casey.jones-2024', /email/],
  ])('refuses a password %s with 400 and a message on the password field', async (_, password, message) => {
    const response = await new ApiClient(app.url, fromNewAddress()).post('/api/auth/register', { name: 'Casey', email: `casey.jones@example.com`, password })
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toContain('application/problem+json')
    expect(response.body.errors.password.join(' ')).toMatch(message)
  })

  describe('throttling', () => {
    it('stops an address after 5 wrong passwords on an account: 429 with Retry-After', async () => {
      const user = await registerUser(app.url, fromNewAddress())
      const guesser = new ApiClient(app.url, fromNewAddress())
      for (let attempt = 0; attempt < 5; attempt++) {
        expect((await guesser.post('/api/auth/login', { email: user.email, password: `wrong-${attempt}-password` })).status).toBe(401)
      }
      const locked = await guesser.post('/api/auth/login', { email: user.email, password: user.password })
      expect(locked.status).toBe(429)
      expect(locked.headers.get('content-type')).toContain('application/problem+json')
      const retryAfter = Number(locked.headers.get('retry-after'))
      expect(retryAfter).toBeGreaterThan(14 * 60)
      expect(retryAfter).toBeLessThanOrEqual(15 * 60)
    })

    it('stops an address after 20 wrong passwords across accounts, on every account, but not other addresses', async () => {
      const user = await registerUser(app.url, fromNewAddress())
      const sprayer = new ApiClient(app.url, fromNewAddress())
      for (let attempt = 0; attempt < 20; attempt++) {
        expect((await sprayer.post('/api/auth/login', { email: `victim-${attempt}@example.com`, password: STRONG_PASSWORD })).status).toBe(401)
      }
      const fromSprayer = await sprayer.post('/api/auth/login', { email: user.email, password: user.password })
      expect(fromSprayer.status).toBe(429)
      expect(Number(fromSprayer.headers.get('retry-after'))).toBeGreaterThan(0)
      const fromElsewhere = await new ApiClient(app.url, fromNewAddress()).post('/api/auth/login', { email: user.email, password: user.password })
      expect(fromElsewhere.status).toBe(200)
    })

    it('does not count successful sign-ins', async () => {
      const user = await registerUser(app.url, fromNewAddress())
      const client = new ApiClient(app.url, fromNewAddress())
      for (let attempt = 0; attempt < 7; attempt++) {
        expect((await client.post('/api/auth/login', { email: user.email, password: user.password })).status).toBe(200)
      }
    })
  })
})

// Without a proxy: the server sees each request's own source address.
describe('sign-in throttling by source address', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp({ RATE_LIMIT_PER_MINUTE: '100000' })
  })
  afterAll(() => app?.stop())

  it('lets the owner sign in from their address after a stranger failed 5 times from another', async () => {
    const user = await registerUser(app.url)
    const signIn = (address: string, password: string) => postJsonFrom(address, `${app.url}/api/auth/login`, { email: user.email, password })
    for (let attempt = 0; attempt < 5; attempt++) expect((await signIn('127.0.0.2', `wrong-${attempt}-password`)).status).toBe(401)
    expect((await signIn('127.0.0.2', user.password)).status).toBe(429)
    expect((await signIn('127.0.0.1', user.password)).status).toBe(200)
  })

  it('stops a sprayer trying one password on many accounts from one address', async () => {
    const user = await registerUser(app.url)
    for (let attempt = 0; attempt < 20; attempt++) {
      expect((await postJsonFrom('127.0.0.3', `${app.url}/api/auth/login`, { email: `sprayed-${attempt}@example.com`, password: STRONG_PASSWORD })).status).toBe(401)
    }
    const sprayed = await postJsonFrom('127.0.0.3', `${app.url}/api/auth/login`, { email: user.email, password: user.password })
    expect(sprayed.status).toBe(429)
    expect(Number(sprayed.headers['retry-after'])).toBeGreaterThan(0)
  })
})

describe('with registration closed by configuration', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp({ REGISTRATION_OPEN: 'false' })
  })
  afterAll(() => app?.stop())

  it('refuses to register with 403 Problem Details', async () => {
    const response = await new ApiClient(app.url).post('/api/auth/register', { name: 'Late', email: 'late@example.com', password: STRONG_PASSWORD })
    expect(response.status).toBe(403)
    expect(response.body).toMatchObject({ type: '/problems/registration-closed', status: 403 })
  })
})
