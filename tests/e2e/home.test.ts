import { describe, expect, it } from 'vitest'
import { useAppInBrowser } from '../support/browser-suite'

describe('home page in Chromium', () => {
  const suite = useAppInBrowser()

  it('renders the Campaigns heading without requesting anything off the machine', async () => {
    const page = await suite.browser.newPage()
    const offMachine: string[] = []
    page.on('request', (request) => {
      const { hostname } = new URL(request.url())
      if (hostname !== '127.0.0.1' && hostname !== 'localhost') offMachine.push(request.url())
    })
    // The home page is for signed-in users; the browser context keeps the session cookie.
    const registered = await page.request.post(`${suite.app.url}/api/auth/register`, {
      data: { name: 'Home Visitor', email: 'home@example.com', password: 'violet-harbour-lantern-42' },
      headers: { Origin: suite.app.url },
    })
    expect(registered.status()).toBe(201)
    await page.goto(suite.app.url, { waitUntil: 'networkidle' })
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Campaigns')
    expect(offMachine).toEqual([])
    await page.close()
  })
})
