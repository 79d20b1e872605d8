import { loadavg } from 'node:os'
import { resolve } from 'node:path'
import { registerUser, type ApiClient } from '../../support/api-client'
import { startApp } from '../../support/app-server'
import { launchBrowser } from '../../support/browser'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import { summarize } from '../hub/stats'
import { writeSection } from '../shared/benchmarks-doc'
import { describeMachine } from '../shared/machine'
import { DASHBOARD_BENCH } from './config'
import { largestContentfulPaint } from './largest-contentful-paint'
import { weighPageScripts } from './page-scripts'
import { DASHBOARD_SECTION_HEADING, dashboardSection } from './report'
import { followRunInPage } from './streaming-long-tasks'

/**
 * The dashboard in Chromium against the built server on loopback: the campaign page's JavaScript,
 * its Largest Contentful Paint on cold loads, and its long tasks while a run streams about 300
 * chunks a second into it. Figures go to the console and docs/BENCHMARKS.md (`BENCH_NO_WRITE=1`
 * prints only).
 */
const log = (line: string) => process.stderr.write(`${line}\n`)

async function main(): Promise<void> {
  const machine = describeMachine()
  const loadSamples: number[] = [loadavg()[0]!]
  const sampler = setInterval(() => loadSamples.push(loadavg()[0]!), 2_000)
  const app = await startApp({ OFFLINE_WRITER_PACE_MS: String(DASHBOARD_BENCH.writerPaceMs), RATE_LIMIT_PER_MINUTE: '100000' })
  const browser = await launchBrowser()
  try {
    const owner = await registerUser(app.url)
    const brief = { ...SAMPLE_BRIEF, executionMode: 'parallel' }

    log('streaming a run into an open campaign page')
    const streamed = await createCampaign(owner.client, brief)
    const streaming = await followRunInPage(browser, app.url, owner.client, streamed)

    const pageUrl = `${app.url}/campaigns/${streamed}`
    log('weighing the campaign page\'s scripts')
    const scripts = await weighPageScripts(browser, pageUrl, owner.client)
    log(`${DASHBOARD_BENCH.loads} cold loads for Largest Contentful Paint`)
    const paints: number[] = []
    for (let load = 0; load < DASHBOARD_BENCH.loads; load++) paints.push(await largestContentfulPaint(browser, pageUrl, owner.client))

    clearInterval(sampler)
    const load = summarize(loadSamples)
    const text = dashboardSection({
      machine,
      load: `${load.median.toFixed(1)} (${load.min.toFixed(1)}–${load.max.toFixed(1)})`,
      scripts,
      lcp: summarize(paints),
      streaming,
    })
    console.log(`\n${text}`)
    if (!process.env.BENCH_NO_WRITE) {
      const path = resolve('docs/BENCHMARKS.md')
      writeSection(path, DASHBOARD_SECTION_HEADING, text)
      log(`wrote the "${DASHBOARD_SECTION_HEADING.slice(3)}" section of ${path}`)
    }
  }
  finally {
    clearInterval(sampler)
    await browser.close()
    await app.stop()
  }
}

async function createCampaign(client: ApiClient, brief: object): Promise<string> {
  const response = await client.post('/api/campaigns', brief)
  if (response.status !== 201) throw new Error(`Create failed: ${response.status}`)
  return response.body.id as string
}

main().then(() => process.exit(), (error: unknown) => {
  console.error(error)
  process.exit(1)
})
