import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { registerUser, type RegisteredUser } from '../support/api-client'
import { seriousAccessibilityFindings } from '../support/accessibility'
import { openPage, useAppInBrowser } from '../support/browser-suite'
import { startCampaignApp, generatedCampaign } from '../support/campaigns'
import { waitForHydration } from '../support/csp-violations'
import { createReviewLink } from '../support/review-hub'

interface ShortCopy { id: string, metadata: { iteration: number, platforms: Array<{ platform: string, variants: Array<{ text: string, hashtags: string[] }> }> } }

/** The review room: a reviewer decides post by post, the owner sees it beside the posts, an edit outdates it. */
describe('per-item review decisions in Chromium', () => {
  const suite = useAppInBrowser(() => startCampaignApp())
  let owner: RegisteredUser
  let campaignId: string
  let reviewerPage: Page
  let ownerPage: Page
  let cspViolations: () => Promise<string[]>
  let pageErrors: () => string[]

  beforeAll(async () => {
    owner = await registerUser(suite.app.url)
    campaignId = await generatedCampaign(owner.client)
    const reviewers = await openPage(suite)
    const owners = await openPage(suite, { signedInAs: owner.client })
    ;({ page: reviewerPage, cspViolations } = reviewers)
    ownerPage = owners.page
    pageErrors = () => [...reviewers.errors, ...owners.errors]
  })

  it('takes an approval and a request for changes on two posts, shows both to the owner live, and outdates the approval after an edit', async () => {
    const shortCopy = (await owner.client.get(`/api/campaigns/${campaignId}/artifacts?type=ShortCopy`)).body.artifacts[0] as ShortCopy
    const link = await createReviewLink(owner.client, campaignId, { allowFeedback: true })
    await reviewerPage.setViewportSize({ width: 390, height: 844 })
    await reviewerPage.goto(`${suite.app.url}${link.url}`)
    await waitForHydration(reviewerPage)
    await reviewerPage.getByRole('status').filter({ hasText: 'Live' }).filter({ hasNotText: 'Not live' }).waitFor()
    // The owner's renderings, read-only, and a phone's width is enough for them.
    await reviewerPage.getByRole('article', { name: 'LinkedIn preview 1' }).waitFor()
    expect(await reviewerPage.getByRole('button', { name: /^(Regenerate|Edit|Version history)$/ }).count()).toBe(0)
    expect(await reviewerPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)

    await ownerPage.goto(`${suite.app.url}/campaigns/${campaignId}`)
    await waitForHydration(ownerPage)
    await ownerPage.getByRole('status').filter({ hasText: /^\s*Connected\s*$/ }).waitFor()

    await reviewerPage.getByLabel('Name', { exact: true }).fill('Rae from Legal')
    await reviewerPage.getByRole('button', { name: 'Approve LinkedIn post 1' }).click()
    await reviewerPage.getByRole('button', { name: 'Send approval of LinkedIn post 1' }).click()
    await reviewerPage.getByText('You approved LinkedIn post 1.').waitFor()

    await reviewerPage.getByRole('button', { name: 'Request changes to LinkedIn post 2' }).click()
    await reviewerPage.getByRole('button', { name: 'Send request for changes to LinkedIn post 2' }).click()
    await reviewerPage.getByText('Say what should change').waitFor()
    await reviewerPage.getByLabel('Comment on LinkedIn post 2').fill('Drop the second claim, please.')
    // A passage selected in the post becomes the quote.
    const secondPost = reviewerPage.getByRole('article', { name: 'LinkedIn preview 2' })
    const quoted = await secondPost.locator('p.whitespace-pre-line > span').first().evaluate((element) => {
      // The first few words of the post, as a reader drags over them.
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
      const text = walker.nextNode() as Text
      const range = document.createRange()
      range.setStart(text, 0)
      range.setEnd(text, Math.min(text.length, text.data.split(' ').slice(0, 4).join(' ').length))
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
      return selection.toString().trim()
    })
    await reviewerPage.getByRole('button', { name: 'Quote selection' }).click()
    expect(await reviewerPage.getByLabel('Quoted passage from LinkedIn post 2 (optional)').inputValue()).toBe(quoted)
    await reviewerPage.getByRole('button', { name: 'Send request for changes to LinkedIn post 2' }).click()
    await reviewerPage.getByText('Your request for changes to LinkedIn post 2 was sent.').waitFor()

    // The owner's open page: a notification, the count, and each decision beside its post.
    await ownerPage.getByRole('region', { name: 'Notifications' }).getByText('Rae from Legal requested changes to LinkedIn post 2.').waitFor()
    await ownerPage.getByText('1 open reviewer item').waitFor()
    const approvedOnOwner = ownerPage.getByRole('region', { name: 'Reviewer decisions on LinkedIn post 1' })
    await approvedOnOwner.getByText('Approved').waitFor()
    const requestOnOwner = ownerPage.getByRole('region', { name: 'Reviewer decisions on LinkedIn post 2' })
    await requestOnOwner.getByText('Drop the second claim, please.').waitFor()
    expect(await requestOnOwner.locator('blockquote').innerText()).toBe(quoted)

    // Use as regenerate feedback fills the card's regenerate dialog.
    await requestOnOwner.getByRole('button', { name: /^Use as regenerate feedback/ }).click()
    const dialog = ownerPage.getByRole('dialog', { name: 'Regenerate Short copy' })
    expect(await dialog.getByLabel('Feedback').inputValue()).toContain('LinkedIn post 2: In “')
    expect(await dialog.getByLabel('Feedback').inputValue()).toContain('Drop the second claim, please.')
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    // Resolve: the count goes, and it stays resolved after a reload.
    await requestOnOwner.getByRole('button', { name: /^Resolve/ }).click()
    await requestOnOwner.getByText('Resolved').waitFor()
    await ownerPage.getByText('1 open reviewer item').waitFor({ state: 'detached' })

    // The owner edits the first post: the approval was of the version before.
    const edit = {
      type: 'ShortCopy', basedOn: shortCopy.metadata.iteration,
      platforms: shortCopy.metadata.platforms.map(entry => ({
        platform: entry.platform,
        variants: entry.variants.map((variant, at) => ({ text: entry.platform === 'linkedin' && at === 0 ? `${variant.text} Edited.` : variant.text, hashtags: variant.hashtags })),
      })),
    }
    expect((await owner.client.post(`/api/campaigns/${campaignId}/artifacts/${shortCopy.id}/versions`, edit)).status).toBe(201)
    await reviewerPage.getByRole('region', { name: 'Reviewer decisions on LinkedIn post 1' }).getByText('Outdated').waitFor()
    await approvedOnOwner.getByText('Outdated').waitFor()

    await ownerPage.reload()
    await waitForHydration(ownerPage)
    await ownerPage.getByRole('region', { name: 'Reviewer decisions on LinkedIn post 2' }).getByText('Resolved').waitFor()

    await reviewerPage.setViewportSize({ width: 1280, height: 900 })
    expect(await seriousAccessibilityFindings(reviewerPage, 'review page')).toEqual([])
    expect(pageErrors()).toEqual([])
    expect(await cspViolations()).toEqual([])
  })
})
