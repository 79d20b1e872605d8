import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from '../support/app-server'
import { launchBrowser } from '../support/browser'
import { seriousAccessibilityFindings } from '../support/accessibility'
import { waitForHydration, watchCspViolations } from '../support/csp-violations'

const CONSTRAINTS = ['Do not make health claims', 'Keep LinkedIn under 600 characters', 'End with a CTA to beanbox.example/start']
const TITLES = ['No health or medical claims', 'Each LinkedIn post is under 600 characters', 'The call to action contains “beanbox.example/start”']

describe('the brief contract in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  let page: Page
  let cspViolations: () => Promise<string[]>
  const accessibilityProblems: string[] = []

  beforeAll(async () => {
    ;[app, browser] = await Promise.all([startApp({ OFFLINE_WRITER_PACE_MS: '0', RATE_LIMIT_PER_MINUTE: '100000' }), launchBrowser()])
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
    cspViolations = await watchCspViolations(page)
    await page.goto(`${app.url}/register`)
    await waitForHydration(page)
    await page.getByLabel('Name').fill('Bea Brief')
    await page.getByLabel('Email').fill(`brief-${Date.now()}@example.com`)
    await page.getByLabel('Password').fill('violet-harbour-lantern-42')
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.waitForURL(`${app.url}/`)
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  const checksPanel = () => page.getByRole('region', { name: 'What the audit will check' })

  async function openForm() {
    await page.goto(`${app.url}/campaigns/new`)
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

  it('stays within the content security policy and passes axe', async () => {
    expect(await cspViolations()).toEqual([])
    expect(accessibilityProblems).toEqual([])
  })
})
