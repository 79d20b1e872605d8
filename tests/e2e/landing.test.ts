import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { openPage, useAppInBrowser } from '../support/browser-suite'
import { seriousAccessibilityFindings } from '../support/accessibility'
import { waitForHydration } from '../support/csp-violations'

/** What a signed-out visitor meets: the landing page, and a styled page for an address that does not exist. */
describe('the landing and error pages in Chromium', () => {
  const suite = useAppInBrowser()
  let page: Page
  let cspViolations: () => Promise<string[]>
  let pageErrors: string[]

  beforeAll(async () => {
    ;({ page, cspViolations, errors: pageErrors } = await openPage(suite))
  })

  it('tells a signed-out visitor what the product does, with a screenshot, and leads to sign-in and sign-up', async () => {
    const response = await page.goto(suite.app.url)
    expect(response?.status()).toBe(200)
    await waitForHydration(page)
    expect(new URL(page.url()).pathname).toBe('/')
    await page.getByRole('heading', { level: 1, name: /written, checked and ready for review/ }).waitFor()
    const screenshot = page.getByRole('img', { name: /A finished campaign/ })
    // The picture loaded from this server: a broken one has no natural width.
    await expect.poll(() => screenshot.evaluate(image => (image as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
    expect(await seriousAccessibilityFindings(page, 'landing')).toEqual([])

    await page.getByRole('main').getByRole('link', { name: 'Create account' }).click()
    await page.waitForURL(`${suite.app.url}/register`)
    await page.goBack()
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click()
    await page.waitForURL(`${suite.app.url}/login`)
  })

  it('answers an unknown address with a 404 page inside the layout', async () => {
    const response = await page.goto(`${suite.app.url}/no-such-page`)
    expect(response?.status()).toBe(404)
    await waitForHydration(page)
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor()
    await page.getByRole('navigation', { name: 'Main' }).waitFor()
    expect(await seriousAccessibilityFindings(page, '404')).toEqual([])
    await page.getByRole('button', { name: 'Go to the home page' }).click()
    await page.waitForURL(`${suite.app.url}/`)
    await page.getByRole('heading', { level: 1, name: /written, checked and ready for review/ }).waitFor()
    expect(await cspViolations()).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
