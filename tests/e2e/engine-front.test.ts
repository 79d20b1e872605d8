import { randomBytes } from 'node:crypto'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerUser, type RegisteredUser } from '../support/api-client'
import { freePort, startApp, type RunningApp } from '../support/app-server'
import { launchBrowser } from '../support/browser'
import { SAMPLE_BRIEF } from '../support/campaign-hub'
import { clusterEnv } from '../support/cluster'
import { waitForHydration, watchCspViolations } from '../support/csp-violations'
import { databaseDrivers, type TestDatabase } from '../support/test-databases'

const postgres = (await databaseDrivers()).find(driver => driver.name === 'postgres')!

/** What the page sent to the engine: the browser talks to it directly for the hub, and for nothing else. */
interface EngineRequest { url: string, cookie: string | undefined }

/**
 * A web front (ENGINE_URL) and its engine, as two processes on one PostgreSQL, in Chromium. The page
 * is served from `localhost` and the engine answers on `127.0.0.1`: two sites, as a front and an
 * engine on their own hosts would be, so the browser keeps the front's cookie to the front.
 */
describe.skipIf(postgres.skipReason)('a web front and its engine in Chromium', () => {
  let database: TestDatabase
  let engine: RunningApp
  let web: RunningApp
  let webUrl: string
  let browser: Browser
  let page: Page
  let user: RegisteredUser
  let cspViolations: () => Promise<string[]>
  const pageErrors: string[] = []
  const engineRequests: EngineRequest[] = []
  const engineSockets: string[] = []
  const headerReads: Array<Promise<unknown>> = []

  beforeAll(async () => {
    database = await postgres.create()
    const shared = clusterEnv(database.url!, {
      ENGINE_SERVICE_SECRET: randomBytes(32).toString('hex'),
      OFFLINE_WRITER_PACE_MS: '15',
      RATE_LIMIT_PER_MINUTE: '100000',
    })
    const webPort = await freePort()
    webUrl = `http://localhost:${webPort}`
    ;[engine, browser] = await Promise.all([startApp({ ...shared, WEB_ORIGIN: webUrl }), launchBrowser()])
    web = await startApp({ ...shared, ENGINE_URL: engine.url }, { port: webPort })
    user = await registerUser(webUrl)

    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
    page.on('pageerror', error => pageErrors.push(error.message))
    page.on('request', (request) => {
      if (!request.url().startsWith(engine.url)) return
      // Read now: the browser may be gone by the time a late request's headers could be asked for.
      headerReads.push(request.allHeaders().then(
        headers => engineRequests.push({ url: request.url(), cookie: headers.cookie }),
        () => engineRequests.push({ url: request.url(), cookie: 'unreadable' }),
      ))
    })
    page.on('websocket', socket => engineSockets.push(socket.url()))
    cspViolations = await watchCspViolations(page)
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await Promise.all([web?.stop(), engine?.stop()])
    await database?.dispose()
  })

  it('signs in on the front, launches a campaign through it and watches it stream from the engine\'s hub', async () => {
    await page.goto(`${webUrl}/login`)
    await waitForHydration(page)
    await page.getByLabel('Email').fill(user.email)
    await page.getByLabel('Password').fill(user.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${webUrl}/`)

    await page.getByRole('link', { name: 'New campaign' }).first().click()
    await page.waitForURL(`${webUrl}/campaigns/new`)
    await page.getByLabel('Theme').fill(SAMPLE_BRIEF.theme)
    await page.getByLabel('Product').fill(SAMPLE_BRIEF.product)
    await page.getByLabel('Target audience').fill(SAMPLE_BRIEF.targetAudience)
    await page.getByLabel('Tone').fill(SAMPLE_BRIEF.tone)
    await page.getByRole('button', { name: 'Generate campaign' }).click()

    await page.waitForURL(/\/campaigns\/camp_/)
    await page.getByRole('heading', { level: 1, name: SAMPLE_BRIEF.theme }).waitFor()
    const status = page.getByRole('status').filter({ hasText: /^(Connected|Connecting…|Reconnecting…|Disconnected)$/ })
    await expect.poll(() => status.innerText()).toBe('Connected')
    // The text streams in over the engine's hub before the finished artifacts replace it.
    await page.getByLabel(/is writing$/).first().waitFor()
    await page.getByRole('region', { name: 'Progress' }).getByText('Completed', { exact: true }).waitFor({ timeout: 30_000 })
    for (const name of ['Copy', 'Short copy', 'Visual', 'Compliance']) await page.getByRole('region', { name, exact: true }).waitFor()

    // The hub client negotiated with the front, was redirected, and connected to the engine itself.
    await Promise.all(headerReads)
    const engineHost = new URL(engine.url).host
    expect(engineRequests.map(request => new URL(request.url).pathname)).toContain('/hubs/campaign/negotiate')
    expect(engineSockets.some(url => url.startsWith(`ws://${engineHost}/hubs/campaign?`))).toBe(true)
    // Nothing but the hub went to the engine, and never with the front's cookie.
    expect(engineRequests.filter(request => !new URL(request.url).pathname.startsWith('/hubs/campaign'))).toEqual([])
    expect(engineRequests.filter(request => request.cookie !== undefined)).toEqual([])
    expect(await cspViolations()).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
