import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { registerUser, type RegisteredUser } from '../support/api-client'
import { openPage, useAppInBrowser } from '../support/browser-suite'
import { SAMPLE_BRIEF } from '../support/campaign-hub'
import { createCampaign, RISKY_BRIEF, startCampaignApp, generatedCampaign } from '../support/campaigns'
import { seriousAccessibilityFindings } from '../support/accessibility'
import { waitForHydration } from '../support/csp-violations'

/** The campaign list: column headers, search, the stage filters, sorting and the viewer's own times. */
describe('the campaign list in Chromium', () => {
  // No automatic revision: the risky campaign stops in AwaitingReview.
  const suite = useAppInBrowser(() => startCampaignApp({ MAX_REVISION_ROUNDS: '0' }))
  let owner: RegisteredUser
  let page: Page
  let cspViolations: () => Promise<string[]>
  let pageErrors: string[]
  let awaiting: string

  beforeAll(async () => {
    owner = await registerUser(suite.app.url)
    await createCampaign(owner.client, { ...SAMPLE_BRIEF, theme: 'City lights 10K', product: 'Nightglow reflective vest' })
    awaiting = await generatedCampaign(owner.client, RISKY_BRIEF)
    // Tokyo's zone and a German browser: the times must be the viewer's, not the server's UTC.
    ;({ page, cspViolations, errors: pageErrors } = await openPage(suite, { signedInAs: owner.client, locale: 'de-DE', timezoneId: 'Asia/Tokyo' }))
  })

  const table = () => page.getByRole('table', { name: 'Campaigns' })
  const themes = async () => (await table().getByRole('rowheader').allInnerTexts()).map(text => text.trim())

  it('labels its columns and shows times in the viewer\'s language and zone', async () => {
    await page.goto(`${suite.app.url}/campaigns`)
    await waitForHydration(page)
    for (const name of ['Campaign', 'Status', 'Created', 'Updated', 'Score']) await table().getByRole('columnheader', { name }).waitFor()
    expect(await themes()).toEqual([RISKY_BRIEF.theme, 'City lights 10K'])
    const { body } = await owner.client.get(`/api/campaigns/${awaiting}`)
    const expected = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(new Date(body.createdAt))
    await table().getByRole('row', { name: new RegExp(RISKY_BRIEF.theme) }).getByText(expected).first().waitFor()
    expect(await seriousAccessibilityFindings(page, 'campaign list')).toEqual([])
  })

  it('filters "Awaiting review" apart from running campaigns', async () => {
    await page.getByLabel('Status').selectOption({ label: 'Awaiting review' })
    await page.waitForURL(/stage=AwaitingReview/)
    await expect.poll(themes).toEqual([RISKY_BRIEF.theme])
    expect(await table().innerText()).toContain('Awaiting review')
    await page.getByLabel('Status').selectOption({ label: 'Running' })
    await page.getByRole('heading', { name: 'No campaigns match' }).waitFor()
    expect(await seriousAccessibilityFindings(page, 'empty filter')).toEqual([])
    await page.getByLabel('Status').selectOption({ label: 'All' })
    await expect.poll(themes).toHaveLength(2)
  })

  it('finds a campaign by its product name', async () => {
    await page.getByRole('searchbox', { name: 'Search' }).fill('nightglow')
    await page.waitForURL(/q=nightglow/)
    await expect.poll(themes).toEqual(['City lights 10K'])
    await page.getByRole('searchbox', { name: 'Search' }).fill('')
    await expect.poll(themes).toHaveLength(2)
  })

  it('sorts by creation, oldest first, from its column header', async () => {
    const created = table().getByRole('columnheader', { name: 'Created' })
    expect(await created.getAttribute('aria-sort')).toBe('descending')
    await created.getByRole('button').click()
    await page.waitForURL(/sort=created/)
    await expect.poll(themes).toEqual(['City lights 10K', RISKY_BRIEF.theme])
    expect(await created.getAttribute('aria-sort')).toBe('ascending')
    expect(await cspViolations()).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
