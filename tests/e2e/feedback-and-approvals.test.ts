import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { seriousAccessibilityFindings } from '../support/accessibility'
import { registerUser, type RegisteredUser } from '../support/api-client'
import { openPage, useAppInBrowser } from '../support/browser-suite'
import { iterations, RISKY_BRIEF, startCampaignApp, waitForCampaign, generatedCampaign } from '../support/campaigns'
import { waitForHydration } from '../support/csp-violations'
import { createReviewLink } from '../support/review-hub'

/** Feedback checked item by item, approvals asked for over High issues and kept with their version. */
describe('feedback and approvals in Chromium', () => {
  // No automatic revisions: the risky brief's first drafts stay flagged for the marketer.
  const suite = useAppInBrowser(() => startCampaignApp({ MAX_REVISION_ROUNDS: '0' }))
  let owner: RegisteredUser
  let page: Page
  let campaignId: string
  let cspViolations: () => Promise<string[]>
  let pageErrors: string[]
  const accessibilityProblems: string[] = []

  beforeAll(async () => {
    owner = await registerUser(suite.app.url)
    campaignId = await generatedCampaign(owner.client, RISKY_BRIEF)
    ;({ page, cspViolations, errors: pageErrors } = await openPage(suite, { signedInAs: owner.client, viewport: { width: 1280, height: 900 } }))
    await page.goto(`${suite.app.url}/campaigns/${campaignId}`)
    await waitForHydration(page)
  })

  const section = (name: string) => page.getByRole('region', { name, exact: true })
  const toolbar = (name: string) => page.getByRole('toolbar', { name: `${name} actions`, exact: true })

  it('asks before approving an artifact the audit flags, listing its High issues', async () => {
    await toolbar('Copy').getByRole('button', { name: 'Approve', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Approve Copy with open High issues?' })
    await dialog.waitFor()
    expect(await dialog.getByRole('list', { name: 'Open High issues' }).innerText()).toMatch(/guaranteed/iu)
    accessibilityProblems.push(...await seriousAccessibilityFindings(page, 'approve dialog', 'dialog[open]'))
    await dialog.getByRole('button', { name: 'Approve anyway' }).click()
    await toolbar('Copy').getByRole('button', { name: 'Approved' }).waitFor()
    await page.getByText('1 of 3 approved').waitFor()
  })

  it('regenerates with "Make it shorter and mention free shipping" and shows both items checked as done', async () => {
    await toolbar('Short copy').getByRole('button', { name: 'Regenerate' }).click()
    const dialog = page.getByRole('dialog', { name: 'Regenerate Short copy' })
    await dialog.getByLabel('Feedback').fill('Make it shorter and mention free shipping')
    await dialog.getByRole('button', { name: 'Regenerate' }).click()
    await section('Short copy').getByText('v2', { exact: true }).waitFor({ timeout: 30_000 })
    await waitForCampaign(owner.client, campaignId)

    await toolbar('Short copy').getByRole('button', { name: 'Version history' }).click()
    const checklist = page.getByRole('region', { name: 'Feedback checklist for version 2' })
    await checklist.waitFor()
    expect(await checklist.innerText()).toContain('2 of 2 done')
    const items = checklist.getByRole('listitem')
    expect(await items.allInnerTexts()).toEqual([
      expect.stringMatching(/^Done\s+Make it shorter\s+Shorter: [\d,]+ → [\d,]+ characters\.$/u),
      expect.stringMatching(/^Done\s+mention free shipping\s+“free shipping” is in the text\.$/u),
    ])
    accessibilityProblems.push(...await seriousAccessibilityFindings(page, 'version history with checklist', 'dialog[open]'))
    await page.keyboard.press('Escape')
  })

  it('warns before a revision replaces approved work, and keeps the approval in the history', async () => {
    await page.getByRole('button', { name: 'Revise campaign' }).click()
    const dialog = page.getByRole('dialog', { name: 'Revise campaign' })
    expect(await dialog.getByRole('alert').innerText()).toMatch(/1 approved artifact will be replaced/u)
    await dialog.getByLabel('Feedback', { exact: true }).fill('Mention the trail club')
    await dialog.getByRole('button', { name: 'Revise' }).click()
    await section('Copy').getByText('v2', { exact: true }).waitFor({ timeout: 30_000 })
    await waitForCampaign(owner.client, campaignId)
    await page.getByText('0 of 3 approved').waitFor()

    await toolbar('Copy').getByRole('button', { name: 'Version history' }).click()
    const versions = page.getByRole('list', { name: 'Versions' }).getByRole('listitem')
    await versions.nth(1).waitFor()
    expect(await versions.nth(0).innerText()).toMatch(/^Version 2/u)
    expect(await versions.nth(0).innerText()).not.toContain('Approved')
    expect(await versions.nth(1).innerText()).toMatch(/^Version 1\s+Approved/u)
    accessibilityProblems.push(...await seriousAccessibilityFindings(page, 'version history after revise', 'dialog[open]'))
  })

  it('turns a reviewer\'s request for changes into the revision\'s feedback, checked item by item', async () => {
    await page.keyboard.press('Escape')
    const link = await createReviewLink(owner.client, campaignId)
    const comment = 'Make it shorter and mention free shipping'
    const posted = await owner.client.anonymous().post(`/api/review/${link.token}/feedback`, { reviewerName: 'Rae from Legal', decision: 'request-changes', comment })
    expect(posted.status, JSON.stringify(posted.body)).toBe(201)

    const copyVersion = iterations(await waitForCampaign(owner.client, campaignId)).Copy!
    // The post arrives live on the owner's page; the owner chooses it as the feedback of a revision.
    await page.getByRole('region', { name: 'Reviewer feedback' }).getByRole('button', { name: 'Use as feedback: Rae from Legal\'s request for changes' }).click()
    const dialog = page.getByRole('dialog', { name: 'Revise campaign' })
    await dialog.waitFor()
    expect(await dialog.getByLabel('Feedback', { exact: true }).inputValue()).toBe(comment)
    await dialog.getByRole('button', { name: 'Revise' }).click()
    await section('Copy').getByText(`v${copyVersion + 1}`, { exact: true }).waitFor({ timeout: 30_000 })
    await waitForCampaign(owner.client, campaignId)

    await toolbar('Copy').getByRole('button', { name: 'Version history' }).click()
    const checklist = page.getByRole('region', { name: `Feedback checklist for version ${copyVersion + 1}` })
    await checklist.waitFor()
    expect(await checklist.innerText()).toContain('2 of 2 done')
    expect(await checklist.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^Done\s+Make it shorter\s+Shorter: [\d,]+ → [\d,]+ characters\.$/u),
      expect.stringMatching(/^Done\s+mention free shipping\s+“free shipping” is in the text\.$/u),
    ])
    accessibilityProblems.push(...await seriousAccessibilityFindings(page, 'checklist of a reviewer\'s request', 'dialog[open]'))
    await page.keyboard.press('Escape')
  })

  it('raised no accessibility findings, CSP violations or page errors', async () => {
    expect(accessibilityProblems).toEqual([])
    expect(await cspViolations()).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
