import type { BrowserContext, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { useAppInBrowser } from '../support/browser-suite'
import { waitForHydration, watchCspViolations } from '../support/csp-violations'

describe('accounts and personal access tokens in Chromium', () => {
  const suite = useAppInBrowser()
  let context: BrowserContext
  let page: Page
  let cspViolations: () => Promise<string[]>
  const pageErrors: string[] = []
  const consoleErrors: string[] = []
  const email = `e2e-${Date.now()}@example.com`
  const password = 'violet-harbour-lantern-42'

  beforeAll(async () => {
    context = await suite.browser.newContext()
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.app.url })
    page = await context.newPage()
    page.on('pageerror', error => pageErrors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error' || /hydration/i.test(message.text())) consoleErrors.push(message.text())
    })
    cspViolations = await watchCspViolations(page)
  })

  async function visit(path: string) {
    await page.goto(`${suite.app.url}${path}`)
    await waitForHydration(page)
  }

  async function tokenAuthenticates(token: string): Promise<number> {
    const response = await fetch(`${suite.app.url}/api/auth/me`, { headers: { Authorization: `Bearer ${token}` } })
    return response.status
  }

  it('sends an anonymous visitor to sign in, and back to the page they wanted after registering', async () => {
    await visit('/settings/tokens')
    expect(new URL(page.url()).pathname).toBe('/login')
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/settings/tokens')

    await page.getByRole('link', { name: 'Register' }).click()
    await page.waitForURL(/\/register/)
    await page.getByLabel('Name').fill('Erin Example')
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Create account' }).click()

    await page.waitForURL(`${suite.app.url}/settings/tokens`)
    await page.getByRole('heading', { name: 'Personal access tokens' }).waitFor()
    expect(await page.getByRole('navigation', { name: 'Main' }).innerText()).toContain('Erin Example')
  })

  it('signs out from the header, after which app pages need signing in again, even with a copy of the old cookie', async () => {
    const copiedCookies = await context.cookies()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(/\/login$/)
    // Signed out, the home page introduces the product instead of the list.
    await visit('/')
    await page.getByRole('heading', { level: 1, name: /written, checked and ready for review/ }).waitFor()
    await visit('/campaigns')
    expect(new URL(page.url()).pathname).toBe('/login')
    await visit('/login')

    const elsewhere = await suite.browser.newContext()
    try {
      await elsewhere.addCookies(copiedCookies)
      const copied = await elsewhere.newPage()
      await copied.goto(`${suite.app.url}/settings/tokens`)
      expect(new URL(copied.url()).pathname).toBe('/login')
    }
    finally {
      await elsewhere.close()
    }
  })

  it('refuses a wrong password, then signs in and lands on the home page', async () => {
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill('not-the-password-at-all')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('incorrect')

    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${suite.app.url}/`)
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Campaigns')
  })

  it('creates a token that is shown once, can be copied, works, and stops working when revoked', async () => {
    await page.getByRole('link', { name: 'Access tokens' }).click()
    await page.waitForURL(`${suite.app.url}/settings/tokens`)
    await page.getByLabel('Name').fill('Deploy script')
    await page.getByRole('button', { name: 'Create token' }).click()
    await expect.poll(() => page.getByText('Enter your password to create a token').count()).toBe(1)

    await page.getByLabel('Your password').fill('not-the-password-at-all')
    await page.getByRole('button', { name: 'Create token' }).click()
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('password is incorrect')
    expect(await page.getByLabel('Your password').inputValue()).toBe('')

    await page.getByLabel('Your password').fill(password)
    await page.getByRole('button', { name: 'Create token' }).click()

    const shown = page.getByRole('textbox', { name: 'New token' })
    await shown.waitFor()
    const token = await shown.inputValue()
    expect(token).toMatch(/^map_pat_/)
    await page.getByRole('button', { name: 'Copy' }).click()
    await page.getByRole('button', { name: 'Copied' }).waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token)
    expect(await tokenAuthenticates(token)).toBe(200)

    // Shown once: after a reload only the name and a short prefix remain.
    await visit('/settings/tokens')
    expect(await page.getByRole('textbox', { name: 'New token' }).count()).toBe(0)
    const row = page.getByRole('row', { name: /Deploy script/ })
    expect(await row.innerText()).toContain(token.slice(0, 12))
    expect(await page.content()).not.toContain(token)

    await page.getByRole('button', { name: 'Revoke Deploy script' }).click()
    await expect.poll(() => row.count()).toBe(0)
    expect(await tokenAuthenticates(token)).toBe(401)
  })

  it('hydrated every page under the Content-Security-Policy without a violation, mismatch or script error', async () => {
    expect(await cspViolations()).toEqual([])
    expect(pageErrors).toEqual([])
    // The wrong-password attempts are the expected failures the browser logs (401 signing in, 403 creating a token).
    expect(consoleErrors.filter(text => !/40[13]/.test(text))).toEqual([])
  })
})
