import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { registerUser, type RegisteredUser } from '../support/api-client'
import { openPage, useAppInBrowser } from '../support/browser-suite'
import { SAMPLE_BRIEF } from '../support/campaign-hub'
import { startCampaignApp, generatedCampaign } from '../support/campaigns'
import { seriousAccessibilityFindings } from '../support/accessibility'
import { waitForHydration } from '../support/csp-violations'

/** The owner's side of review links: share from the campaign page, then revoke from it. */
describe('review links on the campaign page in Chromium', () => {
  const suite = useAppInBrowser(() => startCampaignApp())
  let owner: RegisteredUser
  let campaignId: string
  let ownerPage: Page
  let reviewerPage: Page
  let cspViolations: () => Promise<string[]>
  let pageErrors: () => string[]

  beforeAll(async () => {
    owner = await registerUser(suite.app.url)
    campaignId = await generatedCampaign(owner.client)

    // The owner's browser, signed in with the session the API client registered; the reviewer's, never signed in.
    const owners = await openPage(suite, { signedInAs: owner.client, viewport: { width: 1280, height: 900 } })
    await owners.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.app.url })
    const reviewers = await openPage(suite)
    ;({ page: ownerPage, cspViolations } = owners)
    reviewerPage = reviewers.page
    pageErrors = () => [...owners.errors, ...reviewers.errors]
  })

  it('creates a link that opens the campaign, lists it, and revokes it', async () => {
    await ownerPage.goto(`${suite.app.url}/campaigns/${campaignId}`)
    await waitForHydration(ownerPage)
    await ownerPage.getByRole('heading', { level: 1, name: SAMPLE_BRIEF.theme }).waitFor()

    await ownerPage.getByRole('button', { name: 'Share review link' }).click()
    const dialog = ownerPage.getByRole('dialog', { name: 'Share review link' })
    await dialog.waitFor()
    await dialog.getByLabel('Expires after').selectOption({ label: '1 day' })
    await dialog.getByLabel('Allow feedback').check()

    expect(await seriousAccessibilityFindings(ownerPage, 'share dialog', 'dialog')).toEqual([])

    await dialog.getByRole('button', { name: 'Create link' }).click()
    const field = dialog.getByLabel('Review link', { exact: true })
    await field.waitFor()
    expect(await field.getAttribute('readonly')).not.toBeNull()
    const url = await field.inputValue()
    expect(url).toMatch(new RegExp(`^${suite.app.url.replace(/[.]/g, '\\.')}/review/[^/]+$`))

    await dialog.getByRole('button', { name: 'Copy review link' }).click()
    expect(await ownerPage.evaluate(() => navigator.clipboard.readText())).toBe(url)
    await dialog.getByRole('button', { name: 'Done' }).click()
    await dialog.waitFor({ state: 'hidden' })

    // The link is listed with its expiry and last use.
    const list = ownerPage.getByRole('region', { name: 'Review links' })
    await list.getByText('Active').waitFor()
    expect(await list.innerText()).toMatch(/expires .+ · last used never/)

    const response = await reviewerPage.goto(url)
    expect(response?.status()).toBe(200)
    await reviewerPage.getByRole('heading', { level: 1, name: SAMPLE_BRIEF.theme }).waitFor()

    await list.getByRole('button', { name: /^Revoke review link/ }).click()
    const confirm = ownerPage.getByRole('dialog', { name: 'Revoke review link?' })
    await confirm.getByRole('button', { name: 'Revoke link' }).click()
    await list.getByText('Revoked').waitFor()
    expect(await list.getByRole('button', { name: /^Revoke/ }).count()).toBe(0)

    const reloaded = await reviewerPage.reload()
    expect(reloaded?.status()).toBe(404)
    await reviewerPage.getByRole('heading', { name: 'This review link is no longer valid' }).waitFor()
    expect(await reviewerPage.getByText(SAMPLE_BRIEF.theme).count()).toBe(0)

    expect(pageErrors()).toEqual([])
    expect(await cspViolations()).toEqual([])
  })
})
