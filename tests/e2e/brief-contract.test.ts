import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { useAppInBrowser } from '../support/browser-suite'
import { seriousAccessibilityFindings } from '../support/accessibility'
import { startCampaignApp } from '../support/campaigns'
import { waitForHydration, watchCspViolations } from '../support/csp-violations'

const CONSTRAINTS = ['Do not make health claims', 'Keep LinkedIn under 600 characters', 'End with a CTA to beanbox.example/start']
const TITLES = ['No health or medical claims', 'Each LinkedIn post is under 600 characters', 'The call to action contains “beanbox.example/start”']

describe('the brief contract in Chromium', () => {
  const suite = useAppInBrowser(() => startCampaignApp({ MAX_REVISION_ROUNDS: '0' }))
  let page: Page
  let cspViolations: () => Promise<string[]>
  const accessibilityProblems: string[] = []

  beforeAll(async () => {
    // No automatic revisions: the claim the brief asks for stays in the first drafts, for the report to show.
    page = await (await suite.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
    cspViolations = await watchCspViolations(page)
    await page.goto(`${suite.app.url}/register`)
    await waitForHydration(page)
    await page.getByLabel('Name').fill('Bea Brief')
    await page.getByLabel('Email').fill(`brief-${Date.now()}@example.com`)
    await page.getByLabel('Password').fill('violet-harbour-lantern-42')
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.waitForURL(`${suite.app.url}/`)
  })

  const checksPanel = () => page.getByRole('region', { name: 'What the audit will check' })

  async function openForm() {
    await page.goto(`${suite.app.url}/campaigns/new`)
    await waitForHydration(page)
  }

  it('shows the three constraints as understood checks while the brief is typed', async () => {
    await openForm()
    await page.getByLabel('Constraints').fill([...CONSTRAINTS, 'Keep it cosy'].join('\n'))
    const willCheck = checksPanel().getByRole('region', { name: 'We will check:' })
    for (const title of TITLES) await willCheck.getByText(title, { exact: true }).waitFor()
    await willCheck.getByText('Constraint 2: “Keep LinkedIn under 600 characters”').waitFor()
    await checksPanel().getByRole('region', { name: 'We can\'t check automatically:' }).getByText('“Keep it cosy”', { exact: false }).waitFor()
    accessibilityProblems.push(...await seriousAccessibilityFindings(page, 'launch form with checks'))
  })

  it('warns on the form when the brief itself asks for a claim the audit forbids', async () => {
    await openForm()
    await page.getByLabel('Theme').fill('New year immunity')
    await page.getByLabel('Product').fill('VitaShield supplement that cures cancer and is 100% guaranteed')
    const notice = checksPanel().getByRole('region', { name: 'This brief asks for what the audit will flag' })
    await notice.getByText(/This brief asks for “cures” \(Product\), which the audit's rule that claims need evidence/u).waitFor()
    await notice.getByText(/“100%”/u).waitFor()
    accessibilityProblems.push(...await seriousAccessibilityFindings(page, 'risky brief notice'))
  })

  it('reports each of the three checks after the run, the failing words marked in the artifacts and linked from the report', async () => {
    await openForm()
    await page.getByLabel('Theme').fill('Morning ritual')
    await page.getByLabel('Product').fill('BeanBox coffee that boosts immunity')
    await page.getByLabel('Target audience').fill('Busy parents')
    await page.getByLabel('Tone').fill('Warm and friendly')
    await page.getByLabel('Constraints').fill(CONSTRAINTS.join('\n'))
    await page.getByLabel('LinkedIn').check()
    await page.getByRole('button', { name: 'Generate campaign' }).click()
    await page.waitForURL(/\/campaigns\/camp_/u)

    const report = page.getByRole('region', { name: 'Compliance', exact: true })
    const [claims, linkedIn, callToAction] = TITLES as [string, string, string]
    const outcome = (title: string, status: string) => report.getByRole('listitem', { name: `${title}: ${status}`, exact: true })
    const result = (title: string) => outcome(title, 'Passed').or(outcome(title, 'Failed'))
    for (const title of TITLES) await result(title).waitFor({ timeout: 60_000 })
    // The brief asks for an immunity claim, which the writer carries and the audit fails; the length and
    // the call to action are the writer's to honour, and it does.
    expect(await Promise.all(TITLES.map(title => result(title).getAttribute('aria-label')))).toEqual([
      `${claims}: Failed`, `${linkedIn}: Passed`, `${callToAction}: Passed`,
    ])

    const marks = page.getByRole('region', { name: 'Copy', exact: true }).locator('mark')
    expect((await marks.allInnerTexts()).join(' ')).toMatch(/immunity/iu)
    expect(await marks.first().getAttribute('title')).toBe(`Fails: ${claims}`)

    await result(claims).getByRole('button', { name: /^Show in the artifact: Copy, body\./u }).first().click()
    await expect.poll(() => page.evaluate(() => [document.activeElement?.tagName, document.activeElement?.textContent])).toEqual(['MARK', expect.stringMatching(/immunity/iu)])
    accessibilityProblems.push(...await seriousAccessibilityFindings(page, 'finished campaign with marked failures'))
  })

  it('stays within the content security policy and passes axe', async () => {
    expect(await cspViolations()).toEqual([])
    expect(accessibilityProblems).toEqual([])
  })
})
