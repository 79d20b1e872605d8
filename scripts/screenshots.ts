// Screenshots of the dashboard for the README and the landing page:
// `npx nuxt build && TSX_TSCONFIG_PATH=.nuxt/tsconfig.server.json node --import tsx scripts/screenshots.ts`
// (that tsconfig resolves #shared, which the test helpers import).
// Runs the built app on a scratch database, launches a few campaigns and photographs the list and a
// campaign page while its agents are writing; the landing page shows a finished campaign (public/screenshots/).
import { mkdirSync } from 'node:fs'
import { registerUser } from '../tests/support/api-client'
import { startApp } from '../tests/support/app-server'
import { launchBrowser } from '../tests/support/browser'
import { signIn } from '../tests/support/browser-suite'
import { SAMPLE_BRIEF } from '../tests/support/campaign-hub'
import { RISKY_BRIEF, waitForCampaign } from '../tests/support/campaigns'

const OUT = 'docs/screenshots'
const BRIEFS = [
  { ...SAMPLE_BRIEF, theme: 'Autumn city sprint', tone: 'confident' },
  RISKY_BRIEF,
  { ...SAMPLE_BRIEF, theme: 'Harbour night run', brand: { name: 'Harbour Runners', palette: ['#0D1B2A', '#F1FAEE', '#E63946'], requiredHashtags: ['#NightMiles'] } },
]

const BRAND_KIT = {
  name: 'Harbour Runners',
  accountName: 'Harbour Runners Club',
  voice: 'Warm, plain-spoken, proud of the city at night',
  exampleSentences: ['See you at the harbour wall at nine.'],
  palette: ['#0D1B2A', '#F1FAEE', '#E63946'],
  bannedTerms: ['guaranteed'],
  requiredHashtags: ['#NightMiles'],
}

mkdirSync(OUT, { recursive: true })
const [app, browser] = await Promise.all([startApp({ OFFLINE_WRITER_PACE_MS: '40', RATE_LIMIT_PER_MINUTE: '100000' }), launchBrowser()])
try {
  const user = await registerUser(app.url)
  for (const brief of BRIEFS) {
    const { body } = await user.client.post('/api/campaigns', brief)
    await user.client.post(`/api/campaigns/${body.id}/generate`)
    await waitForCampaign(user.client, body.id, undefined, 60_000)
  }
  const finished = (await user.client.get('/api/campaigns?q=Harbour')).body.items[0].id
  const live = (await user.client.post('/api/campaigns', { ...SAMPLE_BRIEF, platforms: ['x', 'linkedin', 'instagram', 'tiktok'] })).body.id

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 })
  await signIn(context, user.client, app.url)
  const page = await context.newPage()
  await page.goto(`${app.url}/campaigns/${live}`)
  await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor()
  await page.getByRole('button', { name: 'Generate', exact: true }).click()
  await page.getByRole('region', { name: 'Copy', exact: true }).getByText('v1', { exact: true }).waitFor({ timeout: 60_000 })
  await page.getByLabel(/is writing$/).first().waitFor()
  await page.screenshot({ path: `${OUT}/campaign-live.png`, fullPage: true })

  await page.goto(`${app.url}/campaigns`)
  await page.getByRole('table', { name: 'Campaigns' }).waitFor()
  await page.screenshot({ path: `${OUT}/campaign-list.png` })
  await page.getByRole('link', { name: 'Summer trail push' }).click()
  await page.getByRole('heading', { name: 'Compliance' }).waitFor()
  await page.screenshot({ path: `${OUT}/campaign-review.png`, fullPage: true })

  await page.goto(`${app.url}/campaigns/${finished}`)
  await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor()
  await page.getByRole('region', { name: 'Visual', exact: true }).getByRole('img').first().waitFor()
  await page.screenshot({ path: 'public/screenshots/campaign.png' })
  const posts = page.getByRole('region', { name: 'Short copy', exact: true })
  await posts.getByRole('article', { name: 'LinkedIn preview 1' }).waitFor()
  await posts.getByText('LinkedIn', { exact: true }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${OUT}/post-previews.png` })

  await user.client.post('/api/brand-kits', BRAND_KIT)
  await page.goto(`${app.url}/brand-kits`)
  await page.getByRole('article', { name: BRAND_KIT.name }).waitFor()
  await page.screenshot({ path: `${OUT}/brand-kits.png` })

  // The review room as a stakeholder opens it on a phone, signed in nowhere.
  const link = (await user.client.post(`/api/campaigns/${finished}/review-links`, { expiresInHours: 48, allowFeedback: true })).body
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 })).newPage()
  await phone.goto(`${app.url}${link.url}`)
  await phone.getByRole('status').filter({ hasText: 'Live' }).filter({ hasNotText: 'Not live' }).waitFor()
  await phone.screenshot({ path: `${OUT}/review-room.png` })
}
finally {
  await browser.close()
  await app.stop()
}
