import type { Browser, BrowserContext } from 'playwright-core'

export interface SessionCookie {
  name: string
  value: string
}

/**
 * A fresh browser context (nothing cached) holding the owner's session cookie for the whole site,
 * as the server sets it (`Path=/`): given a page's address, Playwright would scope the cookie to
 * that page's folder, and the page's own calls (its hub token) would go out signed out.
 */
export async function signedInContext(browser: Browser, url: string, cookie: SessionCookie): Promise<BrowserContext> {
  const context = await browser.newContext()
  await context.addCookies([{ ...cookie, url: new URL(url).origin }])
  return context
}
