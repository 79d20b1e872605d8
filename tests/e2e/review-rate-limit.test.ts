import type { Page, Response } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { startApp } from '../support/app-server'
import { useAppInBrowser } from '../support/browser-suite'
import { waitForHydration } from '../support/csp-violations'

const LIMIT = 3

/** A reviewer over their rate limit is told to wait, in the page as the browser shows it after hydration. */
describe('a rate-limited review page in Chromium', () => {
  const suite = useAppInBrowser(() => startApp({ RATE_LIMIT_PER_MINUTE: String(LIMIT) }))

  it('says too many requests and when to try again, not that the link is dead', async () => {
    const page: Page = await suite.browser.newPage()
    let limited: Response | null = null
    for (let visit = 0; visit <= LIMIT && limited?.status() !== 429; visit++) {
      limited = await page.goto(`${suite.app.url}/review/map_rvw_made-up`)
    }
    expect(limited?.status()).toBe(429)
    const retryAfter = limited!.headers()['retry-after']
    expect(retryAfter).toMatch(/^\d+$/)

    await waitForHydration(page)
    await page.getByRole('heading', { level: 1, name: 'Too many requests' }).waitFor()
    expect(await page.getByText(`try again in ${retryAfter} s`).count()).toBe(1)
    expect(await page.getByText(/no longer valid/i).count()).toBe(0)
    expect(await page.title()).toBe('Too many requests')
    await page.close()
  })
})
