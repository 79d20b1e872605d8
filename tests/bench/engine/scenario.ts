import { registerUser } from '../../support/api-client'
import { startApp } from '../../support/app-server'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import { createPostgresTestDatabase, type TestDatabase } from '../../support/test-databases'
import { percentile } from '../hub/stats'
import { ENGINE_BENCH } from './config'
import { followCampaigns } from './hub-follower'
import { sampleRestLatency } from './rest-sampler'

export type BenchDatabase = 'embedded' | 'postgres'

export interface ScenarioFigures {
  database: BenchDatabase
  /** CAMPAIGN_RUN_CONCURRENCY, or undefined for the server's default. */
  concurrency: number | undefined
  campaigns: number
  completed: number
  /** From the first generate request to the last OnCampaignCompleted. */
  wallSeconds: number
  runsPerSecond: number
  p50GenerateToCompletedMs: number
  p95GenerateToCompletedMs: number
  eventsDelivered: number
  eventsPerSecond: number
  restSamples: number
  restErrors: number
  p50RestMs: number
  p95RestMs: number
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b)

/**
 * A fresh server, one user with `campaigns` campaigns generated at once by the offline writer at
 * zero pace, one hub connection in every campaign's group, and REST reads sampled meanwhile.
 */
export async function runScenario(database: BenchDatabase, concurrency: number | undefined, log: (line: string) => void): Promise<ScenarioFigures> {
  const postgres: TestDatabase | undefined = database === 'postgres' ? await createPostgresTestDatabase() : undefined
  const app = await startApp({
    OFFLINE_WRITER_PACE_MS: '0',
    RATE_LIMIT_PER_MINUTE: String(ENGINE_BENCH.rateLimitPerMinute),
    MAX_QUEUED_RUNS_PER_USER: String(ENGINE_BENCH.runsPerUser),
    MAX_RUNNING_RUNS_PER_USER: String(ENGINE_BENCH.runsPerUser),
    ...(concurrency !== undefined && { CAMPAIGN_RUN_CONCURRENCY: String(concurrency) }),
    ...(postgres?.url && { DATABASE_URL: postgres.url }),
  }).catch(async (error: unknown) => {
    await postgres?.dispose()
    throw error
  })
  try {
    const user = await registerUser(app.url)
    const ids: string[] = []
    for (let n = 0; n < ENGINE_BENCH.campaigns; n++) {
      const created = await user.client.post('/api/campaigns', { ...SAMPLE_BRIEF, theme: `${SAMPLE_BRIEF.theme} ${n + 1}` })
      if (created.status !== 201) throw new Error(`Create failed: ${created.status}`)
      ids.push(created.body.id)
    }
    const follower = await followCampaigns(app.url, user.client, ids)
    const sampler = sampleRestLatency(user.client, ids, ENGINE_BENCH.restSamplers)
    log(`  ${ids.length} campaigns created and followed; generating them all at once`)

    const requestedAt = new Map<string, number>()
    const started = performance.now()
    await Promise.all(ids.map(async (id) => {
      requestedAt.set(id, performance.now())
      const accepted = await user.client.post(`/api/campaigns/${id}/generate`)
      if (accepted.status !== 202) throw new Error(`Generate refused: ${accepted.status} ${JSON.stringify(accepted.body)}`)
    }))
    const outcome = await follower.allCompleted(ENGINE_BENCH.scenarioTimeoutMs).then(() => null, (error: Error) => error)
    const finished = Math.max(...follower.completedAt.values(), started)
    const delivered = follower.delivered()
    const rest = await sampler.stop()
    await follower.stop()
    if (outcome) log(`  ${outcome.message}`)

    const wallSeconds = (finished - started) / 1000
    const toCompleted = sorted([...follower.completedAt].map(([id, at]) => at - requestedAt.get(id)!))
    const latencies = sorted(rest.latenciesMs)
    return {
      database,
      concurrency,
      campaigns: ids.length,
      completed: follower.completedAt.size,
      wallSeconds,
      runsPerSecond: follower.completedAt.size / wallSeconds,
      p50GenerateToCompletedMs: percentile(toCompleted, 0.5),
      p95GenerateToCompletedMs: percentile(toCompleted, 0.95),
      eventsDelivered: delivered,
      eventsPerSecond: delivered / wallSeconds,
      restSamples: latencies.length,
      restErrors: rest.errors,
      p50RestMs: percentile(latencies, 0.5),
      p95RestMs: percentile(latencies, 0.95),
    }
  }
  finally {
    await app.stop()
    await postgres?.dispose()
  }
}
