import { describe, expect, it } from 'vitest'
import { useAppInBrowser } from '../support/browser-suite'
import { seriousAccessibilityFindings } from '../support/accessibility'
import { waitForHydration, watchCspViolations } from '../support/csp-violations'

describe('API reference page in Chromium', () => {
  const suite = useAppInBrowser()

  it('shows every operation by tag to a signed-out visitor, opens by keyboard, and stays on the machine', async () => {
    // Axe opens helper pages in the same context, so the page gets a context of its own.
    const context = await suite.browser.newContext()
    const page = await context.newPage()
    const cspViolations = await watchCspViolations(page)
    const offMachine: string[] = []
    page.on('request', (request) => {
      const { hostname } = new URL(request.url())
      if (hostname !== '127.0.0.1' && hostname !== 'localhost') offMachine.push(request.url())
    })
    const document = await (await fetch(`${suite.app.url}/api/openapi.json`)).json()

    await page.goto(`${suite.app.url}/docs/api`, { waitUntil: 'networkidle' })
    await waitForHydration(page)
    expect(new URL(page.url()).pathname).toBe('/docs/api')
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('API reference')
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(document.tags.map((tag: { name: string }) => tag.name))
    const operationCount = Object.values(document.paths).flatMap(item => Object.keys(item as object)).length
    expect(await page.locator('details').count()).toBe(operationCount)

    // A <summary> is a button: Tab reaches it, Enter opens it.
    const createCampaign = page.locator('details#postApiCampaigns')
    await createCampaign.locator('summary').focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => createCampaign.getAttribute('open')).not.toBeNull()
    await expect.poll(() => createCampaign.innerText()).toMatch(/Request body[\s\S]*targetAudience[\s\S]*required/)
    expect(await createCampaign.innerText()).toContain('application/problem+json')

    expect(await seriousAccessibilityFindings(page, 'API reference')).toEqual([])
    expect(await cspViolations()).toEqual([])
    expect(offMachine).toEqual([])
    await context.close()
  })
})
