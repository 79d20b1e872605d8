import type { Browser, BrowserContext } from 'playwright-core'
import type { ApiClient } from '../../support/api-client'
import { signIn } from '../../support/browser-suite'

/** A fresh browser context (nothing cached) signed in with the client's session for the whole site. */
export async function signedInContext(browser: Browser, client: ApiClient): Promise<BrowserContext> {
  const context = await browser.newContext()
  await signIn(context, client, client.baseUrl)
  return context
}
