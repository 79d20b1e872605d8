import type { Browser } from 'playwright-core'
import type { ApiClient } from '../../support/api-client'
import { connectCampaignHub } from '../../support/campaign-hub'
import { signedInContext } from './signed-in-context'

export interface StreamingFigures {
  chunks: number
  /** Chunks a second the hub sent a second subscriber while the artifacts were being written. */
  chunksPerSecond: number
  /** Tasks of 50 ms or more (what the Long Tasks API reports) in the page while it followed the run. */
  longTasks: number
  longestTaskMs: number
  /**
   * What took the longest animation frame of 50 ms or more (the Long Animation Frames API): its
   * longest script's invoker and source, and its style and layout time; null when there was none.
   */
  longestFrame: string | null
}

/** The parts of a `long-animation-frame` entry the report uses (Chromium 123 and later). */
interface LongFrame {
  duration: number
  styleAndLayoutStart: number
  startTime: number
  scripts: Array<{ duration: number, invoker: string, sourceURL: string, sourceFunctionName: string }>
}

/** One line on a long animation frame: where its time went. */
function describeFrame(frame: LongFrame): string {
  const script = [...frame.scripts].sort((a, b) => b.duration - a.duration)[0]
  const layout = frame.styleAndLayoutStart > 0 ? frame.startTime + frame.duration - frame.styleAndLayoutStart : 0
  const source = script ? `${script.sourceURL.split('/').pop()}${script.sourceFunctionName ? ` ${script.sourceFunctionName}` : ''}` : ''
  return `${frame.duration.toFixed(0)} ms frame: ${script ? `${script.duration.toFixed(0)} ms in \`${script.invoker}\` (${source}), ` : ''}${layout.toFixed(0)} ms style and layout`
}

/**
 * Opens the campaign page of a campaign not yet generated, starts its run over REST, and records
 * the page's long tasks until the run completes, while an official client in the same group counts
 * the chunks the page is sent.
 */
export async function followRunInPage(
  browser: Browser, baseUrl: string, owner: ApiClient, campaignId: string,
): Promise<StreamingFigures> {
  const context = await signedInContext(browser, owner)
  const page = await context.newPage()
  await page.addInitScript(() => {
    const durations: number[] = []
    Object.assign(window, { benchLongTasks: durations })
    new PerformanceObserver(list => durations.push(...list.getEntries().map(entry => entry.duration))).observe({ type: 'longtask' })
    const frames: unknown[] = []
    Object.assign(window, { benchLongFrames: frames })
    // Entries are copied out as they come: the page keeps none of them itself.
    new PerformanceObserver(list => frames.push(...list.getEntries().map(entry => entry.toJSON()))).observe({ type: 'long-animation-frame' })
  })
  await page.goto(`${baseUrl}/campaigns/${campaignId}`, { waitUntil: 'networkidle' })
  // Tasks of the load itself are not the stream's: count from the run's start.
  await page.evaluate(() => {
    const recorded = window as unknown as { benchLongTasks: number[], benchLongFrames: unknown[] }
    recorded.benchLongTasks.splice(0)
    recorded.benchLongFrames.splice(0)
  })

  const { connection } = await connectCampaignHub(baseUrl, owner)
  const chunkTimes: number[] = []
  connection.on('OnChunkReceived', () => chunkTimes.push(performance.now()))
  const completed = new Promise<void>(resolve => connection.on('OnCampaignCompleted', () => resolve()))
  await connection.invoke('JoinCampaignGroup', campaignId)
  const accepted = await owner.post(`/api/campaigns/${campaignId}/generate`)
  if (accepted.status !== 202) throw new Error(`Generate refused: ${accepted.status}`)
  await completed
  await page.getByText('Completed').first().waitFor()
  const durations = await page.evaluate(() => (window as unknown as { benchLongTasks: number[] }).benchLongTasks)
  const frames = await page.evaluate(() => (window as unknown as { benchLongFrames: LongFrame[] }).benchLongFrames)
  const longestFrame = [...frames].sort((a, b) => b.duration - a.duration)[0]
  await connection.stop()
  await context.close()

  const seconds = chunkTimes.length > 1 ? (chunkTimes.at(-1)! - chunkTimes[0]!) / 1000 : 0
  return {
    chunks: chunkTimes.length,
    chunksPerSecond: seconds > 0 ? chunkTimes.length / seconds : 0,
    longTasks: durations.length,
    longestTaskMs: Math.max(0, ...durations),
    longestFrame: longestFrame ? describeFrame(longestFrame) : null,
  }
}
