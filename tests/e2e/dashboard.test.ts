import { rmSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient } from '../support/api-client'
import { createDataDir, freePort, startApp, type RunningApp } from '../support/app-server'
import { launchBrowser } from '../support/browser'
import { SAMPLE_BRIEF } from '../support/campaign-hub'
import { seriousAccessibilityFindings } from '../support/accessibility'
import { waitForHydration, watchCspViolations } from '../support/csp-violations'

/** Slow enough that streaming can be watched, fast enough that a whole run takes a few seconds. */
const SERVER_ENV = { OFFLINE_WRITER_PACE_MS: '15', RATE_LIMIT_PER_MINUTE: '100000' }
const PASSWORD = 'violet-harbour-lantern-42'

describe('the dashboard in Chromium', () => {
  let app: RunningApp
  let port: number
  let dataDir: string
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let cspViolations: () => Promise<string[]>
  const pageErrors: string[] = []
  const accessibilityProblems: string[] = []

  beforeAll(async () => {
    port = await freePort()
    dataDir = createDataDir()
    ;[app, browser] = await Promise.all([startApp({ ...SERVER_ENV, DATA_DIR: dataDir }, { port }), launchBrowser()])
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url })
    page = await context.newPage()
    page.on('pageerror', error => pageErrors.push(error.message))
    cspViolations = await watchCspViolations(page)
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  async function visit(path: string) {
    await page.goto(`${app.url}${path}`)
    await waitForHydration(page)
  }

  async function checkAccessibility(label: string) {
    accessibilityProblems.push(...await seriousAccessibilityFindings(page, label))
  }

  /** A REST client that is the browser's signed-in user, by its session cookie. */
  async function browserUserApi(): Promise<ApiClient> {
    const session = (await context.cookies(app.url)).find(cookie => cookie.name === 'nuxt-session')
    return new ApiClient(app.url, { Cookie: `nuxt-session=${session!.value}` })
  }

  const status = () => page.getByRole('status').filter({ hasText: /^(Connected|Connecting…|Reconnecting…|Disconnected)$/ })
  const section = (name: string) => page.getByRole('region', { name, exact: true })

  it('registers and invites the first campaign from an empty list', async () => {
    await visit('/login')
    await checkAccessibility('sign in')
    await visit('/register')
    await checkAccessibility('register')
    await page.getByLabel('Name').fill('Dana Dashboard')
    await page.getByLabel('Email').fill(`dashboard-${Date.now()}@example.com`)
    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.waitForURL(`${app.url}/`)
    await waitForHydration(page)
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Campaigns')
    await page.getByRole('heading', { name: 'Launch your first campaign' }).waitFor()
    await checkAccessibility('empty list')
  })

  it('validates the brief beside each field with the server schema, then launches and streams the campaign to completion', async () => {
    await page.getByRole('link', { name: 'New campaign' }).first().click()
    await page.waitForURL(`${app.url}/campaigns/new`)
    await page.getByRole('button', { name: 'Generate campaign' }).click()
    expect(await page.locator('#theme-errors').innerText()).toBe('Required')
    await page.getByLabel('Palette colours').fill('#12345G')
    await page.getByRole('button', { name: 'Generate campaign' }).click()
    expect(await page.locator('#brand-palette-errors').innerText()).toContain('A hex colour')
    await checkAccessibility('launch form with errors')

    await page.getByLabel('Theme').fill(SAMPLE_BRIEF.theme)
    await page.getByLabel('Product').fill(SAMPLE_BRIEF.product)
    await page.getByLabel('Target audience').fill(SAMPLE_BRIEF.targetAudience)
    await page.getByLabel('Tone').fill(SAMPLE_BRIEF.tone)
    await page.getByLabel('Constraints').fill('Must include free returns\nKeep it friendly')
    await page.getByLabel('TikTok').check()
    await page.getByLabel('Palette colours').fill('#0D1B2A\n#F1FAEE')
    await page.getByLabel('Required hashtags').fill('TrailReady')
    await page.getByRole('button', { name: 'Generate campaign' }).click()

    await page.waitForURL(/\/campaigns\/camp_/)
    await page.getByRole('heading', { level: 1, name: SAMPLE_BRIEF.theme }).waitFor()
    await expect.poll(() => status().innerText()).toBe('Connected')
    // Text streams in before the finished artifacts replace it.
    await page.getByLabel(/is writing$/).first().waitFor()
    await checkAccessibility('campaign while streaming')

    await page.getByRole('region', { name: 'Progress' }).getByText('Completed', { exact: true }).waitFor({ timeout: 30_000 })
    for (const name of ['Copy', 'Short copy', 'Visual', 'Compliance']) await section(name).waitFor()
    expect(await section('Copy').innerText()).toMatch(/HEADLINES[\s\S]*CALLS TO ACTION/i)
    expect(await section('Short copy').innerText()).toMatch(/\d+ \/ 280 characters/)
    expect(await section('Short copy').innerText()).toMatch(/tiktok/i)
    expect(await section('Visual').innerText()).toMatch(/Passes AA|Fails AA/)
    expect(await section('Compliance').innerText()).toMatch(/Pass|Conditional|Fail/)
    expect(await page.getByRole('note').filter({ hasText: 'Template draft — connect a language model for original copy' }).count()).toBe(3)
    expect(await page.getByLabel(/is writing$/).count()).toBe(0)
    await checkAccessibility('completed campaign')
  })

  it('copies an artifact as Markdown, or one of its fields alone, to the clipboard', async () => {
    await section('Copy').getByRole('button', { name: 'Copy as Markdown', exact: true }).click()
    await section('Copy').getByRole('button', { name: 'Copied' }).waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('## Copy')
    await section('Copy').getByRole('button', { name: 'Copy headline 1', exact: true }).click()
    const campaignId = /\/campaigns\/(camp_[^/?#]+)/.exec(page.url())![1]
    const headline = (await (await browserUserApi()).get(`/api/campaigns/${campaignId}/artifacts?type=Copy`)).body.artifacts[0].metadata.headlines[0]
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(headline)
  })

  it('regenerates an artifact with feedback, and lists version 2 with that feedback in its history', async () => {
    await section('Copy').getByRole('button', { name: 'Regenerate', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Regenerate Copy' })
    await dialog.getByLabel('Feedback').fill('Lead with the free returns')
    await dialog.getByRole('button', { name: 'shorter' }).click()
    await checkAccessibility('regenerate dialog')
    await dialog.getByRole('button', { name: 'Regenerate', exact: true }).click()

    await section('Copy').getByText('v2', { exact: true }).waitFor({ timeout: 30_000 })
    await page.getByRole('region', { name: 'Progress' }).getByText('Completed', { exact: true }).waitFor({ timeout: 30_000 })
    await section('Copy').getByRole('button', { name: 'Version history' }).click()
    const history = page.getByRole('dialog', { name: 'Copy version history' })
    const versions = history.getByRole('list', { name: 'Versions' }).getByRole('listitem')
    await expect.poll(() => versions.count()).toBe(2)
    await expect.poll(() => versions.first().innerText()).toMatch(/Version 2[\s\S]*Feedback: Lead with the free returns[\s\S]*Tags: shorter/)
    expect(await versions.nth(1).innerText()).toContain('Version 1')
    // The two are compared side by side, with the changed words marked.
    await history.getByRole('region', { name: 'Version 1' }).waitFor()
    expect(await history.locator('ins, del').count()).toBeGreaterThan(0)
    await checkAccessibility('version history')
    await history.getByRole('button', { name: 'Close' }).click()
  })

  it('shows a campaign launched through the REST API in the open list, live', async () => {
    await page.getByRole('link', { name: 'All campaigns' }).click()
    await page.waitForURL(`${app.url}/campaigns`)
    await page.getByRole('table', { name: 'Campaigns' }).getByRole('link', { name: SAMPLE_BRIEF.theme }).waitFor()

    const api = await browserUserApi()
    const created = await api.post('/api/campaigns', { ...SAMPLE_BRIEF, theme: 'Autumn city sprint' })
    expect(created.status).toBe(201)
    const row = page.getByRole('row').filter({ hasText: 'Autumn city sprint' })
    await row.waitFor()
    expect(await row.innerText()).toContain('Draft')

    expect((await api.post(`/api/campaigns/${created.body.id}/generate`)).status).toBe(202)
    await row.getByText('Completed').waitFor({ timeout: 30_000 })
    expect(await row.innerText()).toMatch(/\b\d{1,3}\b/)
    await checkAccessibility('list')

    await page.getByLabel('Status').selectOption('Failed')
    await page.waitForURL(/status=Failed/)
    await page.getByRole('heading', { name: 'No campaigns match' }).waitFor()
    await page.getByLabel('Status').selectOption('')
    await page.waitForURL(`${app.url}/campaigns`)

    await visit('/settings/tokens')
    await checkAccessibility('access tokens')
  })

  it('works at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await visit('/campaigns')
    await page.getByRole('link', { name: SAMPLE_BRIEF.theme }).first().click()
    await page.getByRole('heading', { level: 1, name: SAMPLE_BRIEF.theme }).waitFor()
    // Nothing wider than the screen: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await checkAccessibility('campaign at phone width')
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  it('cancels a run, exports the campaign as JSON and Markdown, and deletes it after confirmation', async () => {
    const api = await browserUserApi()
    const created = await api.post('/api/campaigns', { ...SAMPLE_BRIEF, theme: 'Winter hill repeats', executionMode: 'sequential' })
    await visit(`/campaigns/${created.body.id}`)
    await page.getByRole('button', { name: 'Generate', exact: true }).click()
    await page.getByLabel(/is writing$/).first().waitFor()
    await page.getByRole('button', { name: 'Cancel generation' }).click()
    await page.getByText('Generation cancelled.', { exact: true }).waitFor()
    expect(await page.getByRole('region', { name: 'Progress' }).innerText()).toContain('Cancelled')

    for (const [name, extension] of [['Export JSON', 'json'], ['Export Markdown', 'md']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()])
      expect(download.suggestedFilename()).toBe(`winter-hill-repeats.${extension}`)
      const text = await (await download.createReadStream()).toArray().then(chunks => Buffer.concat(chunks).toString())
      if (extension === 'json') expect(JSON.parse(text)).toMatchObject({ id: created.body.id, theme: 'Winter hill repeats', status: 'Cancelled' })
      else expect(text).toMatch(/^# Winter hill repeats\n/)
    }

    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete campaign?' })
    await checkAccessibility('delete dialog')
    await dialog.getByRole('button', { name: 'Delete campaign' }).click()
    await page.waitForURL(`${app.url}/campaigns`)
    await page.getByRole('table', { name: 'Campaigns' }).waitFor()
    expect(await page.getByRole('link', { name: 'Winter hill repeats' }).count()).toBe(0)
    expect((await api.get(`/api/campaigns/${created.body.id}`)).status).toBe(404)
  })

  it('survives the server being killed mid-run: Reconnecting…, then the complete, correct state without a reload', async () => {
    const api = await browserUserApi()
    const created = await api.post('/api/campaigns', { ...SAMPLE_BRIEF, theme: 'Harbour night run', executionMode: 'sequential' })
    await visit(`/campaigns/${created.body.id}`)
    await expect.poll(() => status().innerText()).toBe('Connected')
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true))

    await page.getByRole('button', { name: 'Generate', exact: true }).click()
    await page.getByLabel(/is writing$/).first().waitFor()
    app.process.kill('SIGKILL')
    await expect.poll(() => status().innerText()).toBe('Reconnecting…')

    app = await startApp({ ...SERVER_ENV, DATA_DIR: dataDir }, { port })
    await expect.poll(() => status().innerText(), { timeout: 40_000 }).toBe('Connected')
    await page.getByRole('region', { name: 'Progress' }).getByText('Completed', { exact: true }).waitFor({ timeout: 40_000 })
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)

    // What the page shows is what the server holds.
    const detail = (await api.get(`/api/campaigns/${created.body.id}`)).body
    expect(detail.status).toBe('Completed')
    for (const artifact of detail.artifacts as Array<{ type: string, iteration: number }>) {
      const name = { Copy: 'Copy', ShortCopy: 'Short copy', Visual: 'Visual' }[artifact.type]!
      await section(name).getByText(`v${artifact.iteration}`, { exact: true }).waitFor()
    }
    expect(await section('Compliance').innerText()).toContain(String(detail.complianceScore))
    expect(await page.getByLabel(/is writing$/).count()).toBe(0)
  })

  it('had no serious or critical accessibility violation, CSP violation or script error on any page', async () => {
    expect(accessibilityProblems).toEqual([])
    expect(await cspViolations()).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
