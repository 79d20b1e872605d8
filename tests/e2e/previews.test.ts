import { readFile } from 'node:fs/promises'
import type { Download, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { registerUser, type RegisteredUser } from '../support/api-client'
import { openPage, useAppInBrowser } from '../support/browser-suite'
import { SAMPLE_BRIEF } from '../support/campaign-hub'
import { startCampaignApp, generatedCampaign } from '../support/campaigns'
import { seriousAccessibilityFindings } from '../support/accessibility'
import { waitForHydration } from '../support/csp-violations'
import { createReviewLink } from '../support/review-hub'

const BRIEF = { ...SAMPLE_BRIEF, platforms: ['x', 'linkedin', 'instagram', 'facebook'], brand: { name: 'Ridgeline Running', palette: ['#0D1B2A', '#F1FAEE'] } }
// The offline writer's posts run to about 160–300 characters over several lines: long enough to pass
// LinkedIn's and Instagram's folds, short enough that X and Facebook show them whole.
const FOLDED = { linkedin: '…see more', instagram: '… more' } as const
const WHOLE = ['X', 'Facebook']

/** Posts previewed as their platforms show them and visual concepts drawn as posters, on the owner's page and on the review page. */
describe('previews in Chromium', () => {
  const suite = useAppInBrowser(() => startCampaignApp())
  let owner: RegisteredUser
  let campaignId: string
  let page: Page
  let cspViolations: () => Promise<string[]>
  let pageErrors: string[]

  beforeAll(async () => {
    owner = await registerUser(suite.app.url)
    campaignId = await generatedCampaign(owner.client, BRIEF)
    ;({ page, cspViolations, errors: pageErrors } = await openPage(suite, { signedInAs: owner.client, viewport: { width: 1280, height: 900 } }))
  })

  async function expectPreviews(): Promise<void> {
    const shortCopy = page.getByRole('region', { name: 'Short copy', exact: true })
    for (const [platform, label] of [['LinkedIn', FOLDED.linkedin], ['Instagram', FOLDED.instagram]] as const) {
      const preview = shortCopy.getByRole('article', { name: `${platform} preview 1` })
      expect(await preview.innerText()).toContain('Ridgeline Running')
      const fold = preview.getByRole('button', { name: label, exact: true })
      expect(await fold.getAttribute('aria-expanded')).toBe('false')
      const folded = await preview.innerText()
      await fold.click()
      await preview.getByRole('button', { name: 'Show less' }).waitFor()
      expect((await preview.innerText()).length).toBeGreaterThan(folded.length)
    }
    for (const platform of WHOLE) {
      const preview = shortCopy.getByRole('article', { name: `${platform} preview 1` })
      expect(await preview.innerText()).toMatch(/#\w+/)
      expect(await preview.getByRole('button').count()).toBe(0)
    }
    expect(await shortCopy.getByRole('article', { name: 'X preview 1' }).innerText()).toMatch(/\d+ \/ 280 characters \(X counts links as 23/)
    expect(await shortCopy.getByRole('article', { name: 'LinkedIn preview 1' }).innerText()).toMatch(/\d+ \/ 3000 characters/)
  }

  it('shows each selected platform\'s posts on the owner\'s page as that platform does, with its fold', async () => {
    await page.goto(`${suite.app.url}/campaigns/${campaignId}`)
    await waitForHydration(page)
    await expectPreviews()
    // Hashtags are styled as the feeds do: a span of their own.
    expect(await page.getByRole('article', { name: 'X preview 1' }).locator('span', { hasText: /^#\w+$/ }).count()).toBeGreaterThan(0)
    expect(await seriousAccessibilityFindings(page, 'post previews', '[aria-labelledby="artifact-ShortCopy"]')).toEqual([])
  })

  it('draws each visual concept as a poster named by its alt text, and downloads it as SVG and PNG', async () => {
    const visual = page.getByRole('region', { name: 'Visual', exact: true })
    const { body } = await owner.client.get(`/api/campaigns/${campaignId}/artifacts?type=Visual`)
    const [concept] = body.artifacts[0].metadata.concepts
    const poster = visual.getByRole('article', { name: concept.name }).getByRole('img', { name: concept.altText.text })
    await poster.waitFor()
    // The layout's headline is set on the poster.
    const headline = /"([^"]+)"/.exec(concept.layout[0])![1]!
    expect((await poster.locator('text').allTextContents()).join(' ')).toContain(headline.split(' ')[0])
    expect(await visual.getByRole('article', { name: concept.name }).innerText()).toMatch(/Poster text #[0-9A-F]{6} on #[0-9A-F]{6}: [\d.]+:1/)

    const download = async (name: string): Promise<[Download, Buffer]> => {
      const [file] = await Promise.all([page.waitForEvent('download'), visual.getByRole('article', { name: concept.name }).getByRole('button', { name }).click()])
      return [file, await readFile((await file.path())!)]
    }
    const [svgFile, svg] = await download('Download SVG')
    expect(svgFile.suggestedFilename()).toMatch(/-poster\.svg$/)
    expect(svg.toString('utf8')).toMatch(/^<\?xml[^>]*>\s*<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
    expect(svg.toString('utf8')).toContain(`<title`)
    expect(svg.toString('utf8')).not.toContain('class=')
    const [pngFile, png] = await download('Download PNG')
    expect(pngFile.suggestedFilename()).toMatch(/-poster\.png$/)
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    expect(png.readUInt32BE(16)).toBe(1080)
    expect(await seriousAccessibilityFindings(page, 'posters', '[aria-labelledby="artifact-Visual"]')).toEqual([])
  })

  it('shows the same previews on the review page', async () => {
    const link = await createReviewLink(owner.client, campaignId, { allowFeedback: false })
    await page.goto(`${suite.app.url}${link.url}`)
    await waitForHydration(page)
    await page.getByRole('region', { name: 'Short copy', exact: true }).getByRole('article', { name: 'LinkedIn preview 1' }).waitFor()
    // A reviewer is not shown the brief, so the posts carry a placeholder account.
    expect(await page.getByRole('article', { name: 'LinkedIn preview 1' }).innerText()).toContain('Your brand')
    await page.getByRole('region', { name: 'Visual', exact: true }).getByRole('img').first().waitFor()
    expect(await seriousAccessibilityFindings(page, 'review previews')).toEqual([])
    expect(await cspViolations()).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
