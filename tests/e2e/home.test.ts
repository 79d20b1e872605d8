import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from '../support/app-server'
import { launchBrowser } from '../support/browser'

describe('home page in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()])
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('renders the Campaigns heading without requesting anything off the machine', async () => {
    const page = await browser.newPage()
    const offMachine: string[] = []
    page.on('request', (request) => {
      const { hostname } = new URL(request.url())
      if (hostname !== '127.0.0.1' && hostname !== 'localhost') offMachine.push(request.url())
    })
    // The home page is for signed-in users; the browser context keeps the session cookie.
    const registered = await page.request.post(`${app.url}/api/auth/register`, {
      data: { name: 'Home Visitor', email: 'home@example.com', password: 'violet-harbour-lantern-42' },
      headers: { Origin: app.url },
    })
    expect(registered.status()).toBe(201)
    await page.goto(app.url, { waitUntil: 'networkidle' })
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Campaigns')
    expect(offMachine).toEqual([])
    await page.close()
  })
})
