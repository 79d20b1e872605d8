import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import type { ApiClient } from './api-client'
import { startApp, type RunningApp } from './app-server'
import { launchBrowser } from './browser'
import { watchCspViolations } from './csp-violations'

/** The server and the browser one file's tests share; filled in by the time the file's own `beforeAll` hooks run. */
export interface BrowserSuite {
  app: RunningApp
  browser: Browser
}

/**
 * Starts the app (by `start`, the plain built server by default) and Debian's Chromium side by side
 * before the file's tests, and closes both after them. Call it at the top of a `describe`.
 */
export function useAppInBrowser(start: () => Promise<RunningApp> = () => startApp()): BrowserSuite {
  const suite = {} as BrowserSuite
  beforeAll(async () => {
    ;[suite.app, suite.browser] = await Promise.all([start(), launchBrowser()])
  })
  afterAll(async () => {
    await suite.browser?.close()
    await suite.app?.stop()
  })
  return suite
}

/** A page in a context of its own, and what went wrong on it: uncaught errors and CSP violations. */
export interface WatchedPage {
  page: Page
  context: BrowserContext
  /** Uncaught errors the page has thrown, in order. */
  errors: string[]
  /** The Content-Security-Policy violations reported so far. */
  cspViolations: () => Promise<string[]>
}

export interface OpenPageOptions extends BrowserContextOptions {
  /** Signs the context in with this client's session (the cookie its API calls use). */
  signedInAs?: ApiClient
}

/** Opens a page in a fresh context of `suite.browser`, signed in as `signedInAs` if given, or as nobody. */
export async function openPage(suite: BrowserSuite, { signedInAs, ...contextOptions }: OpenPageOptions = {}): Promise<WatchedPage> {
  const context = await suite.browser.newContext(contextOptions)
  if (signedInAs) await signIn(context, signedInAs, suite.app.url)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', error => errors.push(error.message))
  return { page, context, errors, cspViolations: await watchCspViolations(page) }
}

/** Gives a browser context the session cookie of a client that signed in over the API. */
export async function signIn(context: BrowserContext, client: ApiClient, appUrl: string): Promise<void> {
  const cookie = client.sessionCookie
  if (!cookie) throw new Error('The client has no session to sign the browser in with')
  const [name, value] = cookie.split(/=(.*)/s) as [string, string]
  await context.addCookies([{ name, value, url: appUrl }])
}
