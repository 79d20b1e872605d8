import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, bearer, registerUser, type RegisteredUser } from '../../support/api-client'
import { startApp, type RunningApp } from '../../support/app-server'
import { staticScriptPath } from '../../support/build-assets'

function sessionCookies(response: { headers: Headers }): string[] {
  return response.headers.getSetCookie().filter(cookie => cookie.startsWith('nuxt-session='))
}

describe('the session cookie is set only when the session changes', () => {
  let app: RunningApp
  let user: RegisteredUser
  let token: string
  beforeAll(async () => {
    app = await startApp({ RATE_LIMIT_PER_MINUTE: '100000' })
    user = await registerUser(app.url)
    token = (await user.client.post('/api/tokens', { name: 'cookie-free', password: user.password })).body.token
  })
  afterAll(() => app?.stop())

  it.each(['/health', '/', '/login', '/api/_auth/session', '/api/auth/me'])('an anonymous GET %s sets none', async (path) => {
    const response = await new ApiClient(app.url).get(path)
    expect(response.status).toBeLessThan(500)
    expect(sessionCookies(response)).toEqual([])
  })

  it('a static asset sets none', async () => {
    const response = await new ApiClient(app.url).get(staticScriptPath())
    expect(response.status).toBe(200)
    expect(sessionCookies(response)).toEqual([])
  })

  it('a call with a personal access token sets none', async () => {
    const response = await new ApiClient(app.url).get('/api/auth/me', bearer(token))
    expect(response.status).toBe(200)
    expect(sessionCookies(response)).toEqual([])
  })

  it('a cookie that does not unseal is refused without being replaced', async () => {
    const response = await fetch(`${app.url}/api/auth/me`, { headers: { Cookie: 'nuxt-session=forged' } })
    expect(response.status).toBe(401)
    expect(sessionCookies(response)).toEqual([])
  })

  it('a signed-in page and the session echo read the cookie without rewriting it', async () => {
    for (const path of ['/', '/api/_auth/session']) {
      const response = await user.client.get(path)
      expect(response.status, path).toBe(200)
      expect(sessionCookies(response), path).toEqual([])
    }
    expect((await user.client.get('/api/_auth/session')).body.user.id).toBe(user.id)
  })

  it('signing in sets one, and signing out clears it', async () => {
    const client = new ApiClient(app.url)
    const login = await client.post('/api/auth/login', { email: user.email, password: user.password })
    expect(login.status).toBe(200)
    expect(sessionCookies(login)).toHaveLength(1)
    expect(client.sessionCookie).toBeDefined()

    const logout = await client.post('/api/auth/logout')
    expect(logout.status).toBe(204)
    // h3 clears a session by setting its cookie to nothing.
    expect(sessionCookies(logout)).toEqual([expect.stringMatching(/^nuxt-session=;/)])
    expect((await client.get('/api/auth/me')).status).toBe(401)
  })

  it('a cookie-jar client that mixes bearer calls and cookie calls stays signed in', async () => {
    const client = new ApiClient(app.url)
    expect((await client.post('/api/auth/login', { email: user.email, password: user.password })).status).toBe(200)
    const signedIn = client.sessionCookie
    // The jar takes any cookie a bearer answer sets, as a browser or an HTTP library's jar would.
    const jar = client.anonymous()
    for (const path of ['/api/auth/me', '/api/campaigns', '/health']) {
      expect((await jar.get(path, bearer(token))).status, path).toBe(200)
    }
    expect(jar.sessionCookie).toBeUndefined()
    expect((await client.get('/api/campaigns', bearer(token))).status).toBe(200)
    expect(client.sessionCookie).toBe(signedIn)
    expect((await client.get('/api/auth/me')).body.user.id).toBe(user.id)
  })
})
