import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerUser, type RegisteredUser } from '../../support/api-client'
import { startApp, type RunningApp } from '../../support/app-server'

/** Each is a path to a naive check and another site once a browser or the router normalises it. */
const OFF_SITE_TARGETS = [
  '//evil.example/',
  '/\\evil.example',
  '/.//evil.example/',
  '/./\\evil.example',
  '/x/..//evil.example/',
  '/..//evil.example/',
  '/%2e//evil.example/',
  '/%2E%2E//evil.example/',
  '/%2F%2Fevil.example/',
  '/%5C%5Cevil.example/',
  '/\t/evil.example/',
  '/\n/evil.example/',
  'https://evil.example/',
  'javascript:alert(1)',
]

/** A signed-in visitor sent to the sign-in page is passed on to `redirect`, as long as it is on this site. */
describe('the sign-in page\'s redirect for a signed-in visitor', () => {
  let app: RunningApp
  let user: RegisteredUser
  beforeAll(async () => {
    app = await startApp({ RATE_LIMIT_PER_MINUTE: '100000' })
    user = await registerUser(app.url)
  })
  afterAll(() => app?.stop())

  const locationFor = async (query: string) => {
    const response = await user.client.get(`/login?redirect=${query}`, { Accept: 'text/html' })
    expect(response.status).toBe(302)
    return response.headers.get('location')!
  }

  it.each(OFF_SITE_TARGETS)('never leaves the site for %j', async (target) => {
    for (const query of [encodeURIComponent(target), encodeURI(target)]) {
      const location = await locationFor(query)
      expect(new URL(location, app.url).origin, location).toBe(app.url)
      expect(location, 'protocol-relative').not.toMatch(/^\s*[/\\]{2}|^\s*\/\s*[/\\]/)
    }
  })

  it('follows a path on the site', async () => {
    expect(await locationFor(encodeURIComponent('/settings/tokens?from=mail'))).toBe('/settings/tokens?from=mail')
  })
})
