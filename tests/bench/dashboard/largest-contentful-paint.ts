import type { Browser } from 'playwright-core'
import type { ApiClient } from '../../support/api-client'
import { signedInContext } from './signed-in-context'

/**
 * Largest Contentful Paint of one cold load of `url` (a fresh browser context, so nothing is
 * cached): the last candidate Chromium reported once the page and its hub connection are idle.
 */
export async function largestContentfulPaint(browser: Browser, url: string, client: ApiClient): Promise<number> {
  const context = await signedInContext(browser, client)
  const page = await context.newPage()
  await page.goto(url, { waitUntil: 'networkidle' })
  const lcp = await page.evaluate(() => new Promise<number>((resolve) => {
    new PerformanceObserver((list) => {
      const entries = list.getEntries()
      resolve(entries[entries.length - 1]!.startTime)
    }).observe({ type: 'largest-contentful-paint', buffered: true })
  }))
  await context.close()
  return lcp
}
