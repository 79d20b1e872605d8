import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from '../support/app-server'
import { launchBrowser } from '../support/browser'
import { seriousAccessibilityFindings } from '../support/accessibility'
import { waitForHydration, watchCspViolations } from '../support/csp-violations'

/** What a signed-out visitor meets: the landing page, and a styled page for an address that does not exist. */
describe('the landing and error pages in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  let page: Page
  let cspViolations: () => Promise<string[]>
  const pageErrors: string[] = []

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()])
    page = await (await browser.newContext()).newPage()
    page.on('pageerror', error => pageErrors.push(error.message))
    cspViolations = await watchCspViolations(page)
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('tells a signed-out visitor what the product does, with a screenshot, and leads to sign-in and sign-up', async () => {
    const response = await page.goto(app.url)
    expect(response?.status()).toBe(200)
    await waitForHydration(page)
    expect(new URL(page.url()).pathname).toBe('/')
    await page.getByRole('heading', { level: 1, name: /written, checked and ready for review/ }).waitFor()
    const screenshot = page.getByRole('img', { name: /A finished campaign/ })
    // The picture loaded from this server: a broken one has no natural width.
    await expect.poll(() => screenshot.evaluate(image => (image as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
    expect(await seriousAccessibilityFindings(page, 'landing')).toEqual([])

    await page.getByRole('main').getByRole('link', { name: 'Create account' }).click()
    await page.waitForURL(`${app.url}/register`)
    await page.goBack()
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click()
    await page.waitForURL(`${app.url}/login`)
  })

  it('answers an unknown address with a 404 page inside the layout', async () => {
    const response = await page.goto(`${app.url}/no-such-page`)
    expect(response?.status()).toBe(404)
    await waitForHydration(page)
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor()
    await page.getByRole('navigation', { name: 'Main' }).waitFor()
    expect(await seriousAccessibilityFindings(page, '404')).toEqual([])
    await page.getByRole('button', { name: 'Go to the home page' }).click()
    await page.waitForURL(`${app.url}/`)
    await page.getByRole('heading', { level: 1, name: /written, checked and ready for review/ }).waitFor()
    expect(await cspViolations()).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
