import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, STRONG_PASSWORD } from '../support/api-client'
import { openPage, useAppInBrowser } from '../support/browser-suite'
import { SAMPLE_BRIEF } from '../support/campaign-hub'
import { createCampaign, runToEnd, startCampaignApp } from '../support/campaigns'
import { waitForHydration } from '../support/csp-violations'
import { createReviewLink } from '../support/review-hub'

/** One unbroken word of `length` letters, as long as each brief field allows. */
const word = (length: number) => 'Supercalifragilistic'.repeat(Math.ceil(length / 20)).slice(0, length)

const VIEWPORTS = [{ width: 390, height: 844 }, { width: 1280, height: 900 }]

/** Pages wrap long words rather than scroll sideways, at phone and at desktop width. */
describe('a brief of unbroken words in Chromium', () => {
  const suite = useAppInBrowser(() => startCampaignApp())
  let owner: ApiClient
  let page: Page
  let pages: string[]

  beforeAll(async () => {
    // The header shows the user's name, a field of its own.
    owner = new ApiClient(suite.app.url)
    expect((await owner.post('/api/auth/register', { name: word(100), email: 'long-words@example.com', password: STRONG_PASSWORD })).status).toBe(201)
    const campaignId = await createCampaign(owner, {
      ...SAMPLE_BRIEF,
      theme: word(200),
      product: word(200),
      targetAudience: word(300),
      tone: word(100),
      constraints: [word(300)],
    })
    await runToEnd(owner, campaignId, '/generate')
    const review = await createReviewLink(owner, campaignId)
    pages = ['/campaigns', `/campaigns/${campaignId}`, review.url]

    ;({ page } = await openPage(suite, { signedInAs: owner }))
  })

  /** The elements that reach past the viewport's right edge, to name the culprit when one does. */
  const overflowing = () => page.evaluate(() => {
    const width = document.documentElement.clientWidth
    return {
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: width,
      culprits: [...document.querySelectorAll('body *')]
        .filter(element => element.getBoundingClientRect().right > width + 1)
        .slice(0, 5)
        .map(element => `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}">`),
    }
  })

  it.each(VIEWPORTS)('never scroll sideways at $width px', async (viewport) => {
    await page.setViewportSize(viewport)
    for (const path of pages) {
      await page.goto(`${suite.app.url}${path}`)
      await waitForHydration(page)
      await page.getByRole('heading', { level: 1 }).first().waitFor()
      const { scrollWidth, clientWidth, culprits } = await overflowing()
      expect(scrollWidth, `${path}: ${culprits.join(' ')}`).toBeLessThanOrEqual(clientWidth)
    }
  })
})
