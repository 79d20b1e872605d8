import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { seriousAccessibilityFindings } from '../support/accessibility'
import { registerUser, type RegisteredUser } from '../support/api-client'
import { openPage, useAppInBrowser } from '../support/browser-suite'
import { SAMPLE_BRIEF } from '../support/campaign-hub'
import { isSettled, startCampaignApp, waitForCampaign } from '../support/campaigns'
import { waitForHydration } from '../support/csp-violations'
import { publishedPost } from '#shared/utils/published-post'

const ACCOUNT = 'Ridgeline Running'

/** A saved brand kit chosen at launch, the brief shown on the campaign page, edited, and duplicated. */
describe('brand kits and the brief in Chromium', () => {
  const suite = useAppInBrowser(() => startCampaignApp())
  let owner: RegisteredUser
  let page: Page
  let cspViolations: () => Promise<string[]>
  let pageErrors: string[]
  let launchedId: string

  beforeAll(async () => {
    owner = await registerUser(suite.app.url)
    const opened = await openPage(suite, { signedInAs: owner.client, viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] })
    ;({ page, cspViolations, errors: pageErrors } = opened)
  })

  const campaignIdInUrl = () => /\/campaigns\/(camp_[^/?#]+)/.exec(page.url())?.[1] ?? ''

  it('creates a brand kit at /brand-kits, which is accessible in light and dark', async () => {
    await page.goto(`${suite.app.url}/brand-kits`)
    await waitForHydration(page)
    await page.getByRole('heading', { name: 'Brand kits', level: 1 }).waitFor()
    expect(await seriousAccessibilityFindings(page, 'no brand kits')).toEqual([])

    await page.getByRole('button', { name: 'New brand kit' }).click()
    const dialog = page.getByRole('dialog', { name: 'New brand kit' })
    await dialog.getByRole('button', { name: 'Create brand kit' }).click()
    await dialog.getByText('Required', { exact: true }).waitFor()
    await dialog.getByLabel('Brand name').fill('Ridgeline')
    await dialog.getByLabel('Account display name').fill(ACCOUNT)
    await dialog.getByLabel('Voice').fill('Plain, upbeat, never boastful.')
    await dialog.getByLabel('Example sentences').fill('Lace up. The trail is waiting.')
    await dialog.getByLabel('Palette colours').fill('#0F766E\n#F8FAFC')
    await dialog.getByLabel('Banned terms').fill('cheap')
    await dialog.getByLabel('Required hashtags').fill('Ridgeline')
    await dialog.getByLabel('Disclaimer').fill('Free returns within 30 days.')
    expect(await seriousAccessibilityFindings(page, 'brand kit form', 'dialog')).toEqual([])
    await dialog.getByRole('button', { name: 'Create brand kit' }).click()

    const kit = page.getByRole('article', { name: 'Ridgeline' })
    await kit.getByText(`Posts as ${ACCOUNT}`).waitFor()
    expect(await dialog.isVisible()).toBe(false)
    expect(await seriousAccessibilityFindings(page, 'brand kits')).toEqual([])
    const { body } = await owner.client.get('/api/brand-kits')
    expect(body.items).toMatchObject([{ name: 'Ridgeline', accountName: ACCOUNT, requiredHashtags: ['#Ridgeline'], palette: ['#0F766E', '#F8FAFC'] }])
  })

  it('launches a campaign with the kit, whose posts preview under the kit\'s account and whose page shows the brief', async () => {
    await page.goto(`${suite.app.url}/campaigns/new`)
    await waitForHydration(page)
    await page.getByLabel('Theme').fill(SAMPLE_BRIEF.theme)
    await page.getByLabel('Product').fill(SAMPLE_BRIEF.product)
    await page.getByLabel('Target audience').fill(SAMPLE_BRIEF.targetAudience)
    await page.getByLabel('Tone').fill(SAMPLE_BRIEF.tone)
    await page.getByLabel('Saved brand kit').selectOption({ label: 'Ridgeline' })
    expect(await page.getByLabel('Account display name').inputValue()).toBe(ACCOUNT)
    expect(await page.getByLabel('Banned terms').inputValue()).toBe('cheap')
    await page.getByRole('button', { name: 'Generate campaign' }).click()
    await page.waitForURL(/\/campaigns\/camp_/)
    launchedId = campaignIdInUrl()

    const brief = page.getByRole('region', { name: 'Brief', exact: true })
    await brief.getByText(ACCOUNT).waitFor()
    await brief.getByText('Lace up. The trail is waiting.').waitFor()
    await page.getByRole('article', { name: 'X preview 1' }).getByText(ACCOUNT).first().waitFor({ timeout: 30_000 })
    const { kitId, ...copied } = (await owner.client.get(`/api/campaigns/${launchedId}`)).body.brief.brand
    expect(kitId).toBe((await owner.client.get('/api/brand-kits')).body.items[0].id)
    expect(copied).toMatchObject({ name: 'Ridgeline', accountName: ACCOUNT, bannedTerms: ['cheap'] })
  })

  it('downloads one platform\'s posts as CSV and copies a single post', async () => {
    await waitForCampaign(owner.client, launchedId, isSettled, 60_000)
    const artifacts = (await owner.client.get(`/api/campaigns/${launchedId}/artifacts?type=ShortCopy`)).body.artifacts
    const posts = artifacts[0].metadata.platforms.find((entry: { platform: string }) => entry.platform === 'x').variants.map(publishedPost)

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('toolbar', { name: 'Campaign actions' }).getByRole('button', { name: 'X CSV' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('spring-trail-launch-x.csv')
    const csv = await readFile((await download.path())!, 'utf8')
    expect(csv.startsWith('"Text","Link","Image alt text"\r\n')).toBe(true)
    expect(csv).toContain(`"${posts[0].replace(/"/g, '""')}"`)

    await page.getByRole('button', { name: 'Copy X post 2' }).click()
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(posts[1])
  })

  it('edits the brief once the run is over, then generates again from it', async () => {
    const brief = page.getByRole('region', { name: 'Brief', exact: true })
    await brief.getByRole('button', { name: 'Edit brief' }).click()
    const dialog = page.getByRole('dialog', { name: 'Edit the brief' })
    await dialog.getByLabel('Tone').fill('calm and warm')
    await dialog.getByRole('button', { name: 'Save brief' }).click()
    await brief.getByText('calm and warm').waitFor()
    await page.getByRole('toolbar', { name: 'Campaign actions' }).getByRole('button', { name: 'Generate', exact: true }).click()
    const detail = await waitForCampaign(owner.client, launchedId, found => isSettled(found) && found.status !== 'Created', 60_000)
    expect(detail.brief.tone).toBe('calm and warm')
    expect(Math.min(...detail.artifacts.map((artifact: { iteration: number }) => artifact.iteration))).toBeGreaterThan(1)
  })

  it('duplicates the campaign into a launch form filled from its brief, kit copy included', async () => {
    await page.getByRole('region', { name: 'Brief', exact: true }).getByRole('link', { name: 'Duplicate' }).click()
    await page.waitForURL(/\/campaigns\/new\?from=camp_/)
    await waitForHydration(page)
    expect(await page.getByLabel('Theme').inputValue()).toBe(SAMPLE_BRIEF.theme)
    expect(await page.getByLabel('Tone').inputValue()).toBe('calm and warm')
    expect(await page.getByLabel('Account display name').inputValue()).toBe(ACCOUNT)
    await page.getByLabel('Theme').fill('Autumn trail launch')
    await page.getByRole('button', { name: 'Generate campaign' }).click()
    await page.waitForURL(url => /\/campaigns\/camp_/.test(url.pathname) && !url.pathname.endsWith(launchedId))
    await page.getByRole('heading', { name: 'Autumn trail launch', level: 1 }).waitFor()

    const duplicate = (await owner.client.get(`/api/campaigns/${campaignIdInUrl()}`)).body
    const original = (await owner.client.get(`/api/campaigns/${launchedId}`)).body
    expect(duplicate.brief).toEqual({ ...original.brief, theme: 'Autumn trail launch' })
    expect(await cspViolations()).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
