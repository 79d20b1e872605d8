import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { registerUser, type RegisteredUser } from '../support/api-client'
import { openPage, useAppInBrowser } from '../support/browser-suite'
import { SAMPLE_BRIEF } from '../support/campaign-hub'
import { runToEnd, startCampaignApp, generatedCampaign } from '../support/campaigns'
import { waitForHydration } from '../support/csp-violations'
import { createReviewLink } from '../support/review-hub'

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim()

/** Share → review → feedback → the owner sees it → revoke, with a reviewer who has no account. */
describe('a review link in Chromium', () => {
  const suite = useAppInBrowser(() => startCampaignApp())
  let owner: RegisteredUser
  let campaignId: string
  let page: Page
  let cspViolations: () => Promise<string[]>
  let pageErrors: string[]

  beforeAll(async () => {
    owner = await registerUser(suite.app.url)
    campaignId = await generatedCampaign(owner.client)
    // The reviewer's browser: its own context, never signed in.
    ;({ page, cspViolations, errors: pageErrors } = await openPage(suite))
  })

  it('shows the campaign read-only, live, takes feedback, and stops when revoked', async () => {
    const link = await createReviewLink(owner.client, campaignId, { allowFeedback: true })
    const response = await page.goto(`${suite.app.url}${link.url}`)
    expect(response?.status()).toBe(200)
    expect(response?.headers()['referrer-policy']).toBe('no-referrer')
    expect(response?.headers()['x-robots-tag']).toBe('noindex')
    await waitForHydration(page)
    expect(new URL(page.url()).pathname).toBe(link.url)

    await page.getByRole('heading', { level: 1, name: SAMPLE_BRIEF.theme }).waitFor()
    for (const name of ['Copy', 'Short copy', 'Visual', 'Compliance']) {
      await page.getByRole('heading', { level: 2, name, exact: true }).waitFor()
    }
    expect(await page.getByRole('region', { name: 'Compliance' }).innerText()).toContain('Pass')
    // Each artifact says on its face that no language model wrote it.
    expect(await page.getByRole('note').filter({ hasText: 'Template draft' }).count()).toBe(3)
    expect(await page.getByRole('link', { name: 'connect a language model' }).first().getAttribute('href')).toBe('/docs/models')
    // Nothing on the page changes the campaign.
    for (const name of [/regenerate/i, /approve$/i, /revise/i, /delete/i, /cancel/i]) {
      expect(await page.getByRole('button', { name }).count()).toBe(0)
    }
    await page.getByRole('status').filter({ hasText: 'Live' }).filter({ hasNotText: 'Not live' }).waitFor()

    // A regeneration by the owner arrives without a reload.
    // The copy as the owner's card renders it: headlines, the three bodies, calls to action.
    const copy = page.getByRole('region', { name: 'Copy', exact: true })
    const longBody = async () => normalize((await owner.client.get(`/api/campaigns/${campaignId}/artifacts?type=Copy`)).body.artifacts[0].metadata.body.long)
    const before = await longBody()
    expect(normalize(await copy.innerText())).toContain(before)
    await runToEnd(owner.client, campaignId, '/artifacts/Copy/regenerate', { feedback: 'Mention the trail club' })
    const current = await longBody()
    expect(current).not.toBe(before)
    await expect.poll(async () => normalize(await copy.innerText()).includes(current), { timeout: 10_000 }).toBe(true)

    // The owner's campaign page, open while the reviewer writes: the feedback must arrive there live.
    const ownerContext = await suite.browser.newContext()
    const [cookieName, cookieValue] = owner.client.sessionCookie!.split(/=(.*)/s) as [string, string]
    await ownerContext.addCookies([{ name: cookieName, value: cookieValue, url: suite.app.url }])
    const ownerPage = await ownerContext.newPage()
    await ownerPage.goto(`${suite.app.url}/campaigns/${campaignId}`)
    await waitForHydration(ownerPage)
    await ownerPage.getByRole('status').filter({ hasText: /^\s*Connected\s*$/ }).waitFor()

    // Asking for changes needs a comment.
    await page.getByLabel('Name').fill('Rae from Legal')
    await page.getByLabel('Request changes').check()
    await page.getByRole('button', { name: 'Send feedback' }).click()
    await page.getByText('Say what should change').waitFor()
    await page.getByLabel(/Comment/).fill('Drop the second claim, please.')
    await page.getByRole('button', { name: 'Send feedback' }).click()
    await page.getByText('Thank you: your feedback was sent').waitFor()
    await page.getByText('Drop the second claim, please.').waitFor()

    const ownerFeedback = ownerPage.getByRole('region', { name: 'Reviewer feedback' })
    await ownerFeedback.getByText('Drop the second claim, please.').waitFor({ timeout: 10_000 })
    expect(await ownerFeedback.innerText()).toContain('Rae from Legal')
    await ownerContext.close()

    const history = await owner.client.get(`/api/campaigns/${campaignId}/review-feedback`)
    expect(history.body.feedback).toEqual([expect.objectContaining({ reviewerName: 'Rae from Legal', decision: 'request-changes', comment: 'Drop the second claim, please.' })])

    expect((await owner.client.delete(`/api/campaigns/${campaignId}/review-links/${link.id}`)).status).toBe(204)
    // The open page hears it at once, then a reload is a plain 404 page.
    await page.getByRole('heading', { name: 'This review link is no longer valid' }).waitFor()
    const reloaded = await page.reload()
    expect(reloaded?.status()).toBe(404)
    await page.getByRole('heading', { name: 'This review link is no longer valid' }).waitFor()
    expect(await page.getByText(SAMPLE_BRIEF.theme).count()).toBe(0)

    expect(pageErrors).toEqual([])
    expect(await cspViolations()).toEqual([])
  })
})
