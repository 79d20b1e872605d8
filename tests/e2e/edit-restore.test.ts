import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { seriousAccessibilityFindings } from '../support/accessibility'
import { registerUser, type RegisteredUser } from '../support/api-client'
import { openPage, useAppInBrowser } from '../support/browser-suite'
import { startCampaignApp, generatedCampaign } from '../support/campaigns'
import { waitForHydration } from '../support/csp-violations'
import { createReviewLink } from '../support/review-hub'

/** A claim the audit forbids: the edit must come back flagged, and the restore passed again. */
const RISKY_HEADLINE = 'Ridgeline: 100% guaranteed to make you faster'

/** The owner edits a headline and restores it, while a reviewer's open review page follows along. */
describe('editing and restoring in Chromium', () => {
  const suite = useAppInBrowser(() => startCampaignApp())
  let owner: RegisteredUser
  let page: Page
  let reviewer: Page
  let cspChecks: Array<() => Promise<string[]>>
  let pageErrors: () => string[]
  const accessibilityProblems: string[] = []

  beforeAll(async () => {
    owner = await registerUser(suite.app.url)
    const campaignId = await generatedCampaign(owner.client)
    const link = await createReviewLink(owner.client, campaignId)

    // The owner's page, signed in, and the reviewer's, in a context of its own that never signs in.
    const opened = [await openPage(suite, { signedInAs: owner.client, viewport: { width: 1280, height: 900 } }), await openPage(suite)]
    ;[page, reviewer] = opened.map(({ page }) => page) as [Page, Page]
    cspChecks = opened.map(({ cspViolations }) => cspViolations)
    pageErrors = () => opened.flatMap(({ errors }) => errors)
    await reviewer.goto(`${suite.app.url}${link.url}`)
    await waitForHydration(reviewer)
    await reviewer.getByRole('status').filter({ hasText: 'Live' }).filter({ hasNotText: 'Not live' }).waitFor()
    await page.goto(`${suite.app.url}/campaigns/${campaignId}`)
    await waitForHydration(page)
  })

  const section = (name: string) => page.getByRole('region', { name, exact: true })
  const toolbar = (name: string) => page.getByRole('toolbar', { name: `${name} actions`, exact: true })
  const reviewedCopy = () => reviewer.getByRole('region', { name: 'Copy', exact: true })

  it('edits a headline in place: version 2, edited by the owner, audited again, and live on the reviewer\'s page', async () => {
    await section('Copy').getByText('Passed', { exact: true }).waitFor()
    await toolbar('Copy').getByRole('button', { name: 'Edit', exact: true }).click()
    const form = section('Copy').getByRole('form', { name: 'Edit Copy' })
    await form.getByLabel('Headline 1', { exact: true }).fill(RISKY_HEADLINE)
    accessibilityProblems.push(...await seriousAccessibilityFindings(page, 'edit form', '[aria-labelledby="artifact-Copy"]'))
    await form.getByRole('button', { name: 'Save as new version' }).click()

    await section('Copy').getByText('v2', { exact: true }).waitFor()
    await section('Copy').getByText(`Edited by ${owner.name}`, { exact: true }).waitFor()
    await section('Copy').getByText('Flagged', { exact: true }).waitFor()
    // The hub may bring version 2 before the save's own response closes the form; the card shows the text once it has.
    await form.waitFor({ state: 'detached' })
    expect(await section('Copy').innerText()).toContain(RISKY_HEADLINE)
    // The reviewer did nothing: the hub brought the new version and its audit.
    await reviewedCopy().getByText(RISKY_HEADLINE, { exact: false }).waitFor()
    await reviewer.getByRole('region', { name: 'Compliance' }).getByText('Fail', { exact: true }).waitFor()
  })

  it('compares any two versions and restores version 1 as version 3, passed again, live for the reviewer', async () => {
    await toolbar('Copy').getByRole('button', { name: 'Version history' }).click()
    const dialog = page.getByRole('dialog', { name: 'Copy version history' })
    const versions = dialog.getByRole('list', { name: 'Versions' }).getByRole('listitem')
    await versions.nth(1).waitFor()
    expect(await versions.nth(0).innerText()).toContain(`Edited by ${owner.name}`)

    await dialog.getByRole('button', { name: 'Restore version 1' }).click()
    await versions.nth(2).waitFor()
    expect(await versions.nth(0).innerText()).toMatch(new RegExp(`^Version 3[^]*Restored from version 1 by ${owner.name}`, 'u'))
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    await section('Copy').getByText('v3', { exact: true }).waitFor()
    await section('Copy').getByText(`Restored from version 1 by ${owner.name}`, { exact: true }).waitFor()
    await section('Copy').getByText('Passed', { exact: true }).waitFor()
    expect(await section('Copy').innerText()).not.toContain(RISKY_HEADLINE)
    await reviewedCopy().getByText(RISKY_HEADLINE, { exact: false }).waitFor({ state: 'detached' })

    // Version 3 against version 1, not only against the one before it: the same text, nothing marked.
    await toolbar('Copy').getByRole('button', { name: 'Version history' }).click()
    // The newest two to begin with, then any two the owner picks.
    await dialog.getByRole('region', { name: 'Version 2' }).waitFor()
    await dialog.getByRole('region', { name: 'Version 3' }).waitFor()
    const pick = (version: number) => dialog.getByRole('checkbox', { name: new RegExp(`^Version ${version}`, 'u') })
    await pick(2).uncheck()
    await pick(1).check()
    await dialog.getByRole('region', { name: 'Version 1' }).waitFor()
    await dialog.getByRole('region', { name: 'Version 3' }).waitFor()
    expect(await dialog.locator('ins, del').count()).toBe(0)
    await pick(1).uncheck()
    await pick(2).check()
    const removed = await dialog.getByRole('region', { name: 'Version 2' }).locator('del').allInnerTexts()
    expect(removed.join(' ')).toContain('guaranteed')
    accessibilityProblems.push(...await seriousAccessibilityFindings(page, 'version history with restore', 'dialog[open]'))
  })

  it('raised no accessibility findings, CSP violations or page errors', async () => {
    accessibilityProblems.push(...await seriousAccessibilityFindings(reviewer, 'review page after the restore'))
    expect(accessibilityProblems).toEqual([])
    for (const check of cspChecks) expect(await check()).toEqual([])
    expect(pageErrors()).toEqual([])
  })
})
