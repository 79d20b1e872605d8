import { randomBytes } from 'node:crypto'
import { registerUser } from '../../support/api-client'
import { startApp, type RunningApp } from '../../support/app-server'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import { clusterEnv } from '../../support/cluster'
import { deleteRedisKeys } from '../../support/redis'
import { createPostgresTestDatabase } from '../../support/test-databases'
import { followCampaigns } from '../engine/hub-follower'
import { CLUSTER } from './config'

export interface RunsFigures {
  workers: number
  campaigns: number
  completed: number
  /** From the first generate request to the last OnCampaignCompleted. */
  wallSeconds: number
  runsPerSecond: number
}

/**
 * One web instance (ROLE=web: takes the requests, queues the runs, serves the hub) and `workers`
 * worker instances (ROLE=worker) of the built server, on a fresh PostgreSQL database and a Redis
 * key prefix of their own. One user generates CLUSTER.runs.campaigns campaigns at once through the
 * web instance and follows them on its hub: the runs execute on the workers, and their events
 * reach the follower through the Redis backplane.
 */
export async function measureRuns(workers: number): Promise<RunsFigures> {
  const database = await createPostgresTestDatabase()
  const prefix = `bench-runs-${randomBytes(6).toString('hex')}`
  const env = clusterEnv(database.url, {
    REDIS_URL: CLUSTER.redisUrl,
    REDIS_KEY_PREFIX: prefix,
    OFFLINE_WRITER_PACE_MS: '0',
    CAMPAIGN_RUN_CONCURRENCY: String(CLUSTER.runs.concurrencyPerWorker),
    RATE_LIMIT_PER_MINUTE: '1000000',
    MAX_QUEUED_RUNS_PER_USER: '1000000',
    MAX_RUNNING_RUNS_PER_USER: '1000000',
  })
  const apps: RunningApp[] = []
  try {
    // The web instance first: it applies the migrations, and the queue's tables are made once.
    const web = await startApp({ ...env, ROLE: 'web' })
    apps.push(web)
    apps.push(...await Promise.all(Array.from({ length: workers }, () => startApp({ ...env, ROLE: 'worker' }))))
    const user = await registerUser(web.url)
    const ids: string[] = []
    for (let n = 0; n < CLUSTER.runs.campaigns; n++) {
      const created = await user.client.post('/api/campaigns', { ...SAMPLE_BRIEF, theme: `${SAMPLE_BRIEF.theme} ${n + 1}` })
      if (created.status !== 201) throw new Error(`Create failed: ${created.status}`)
      ids.push(created.body.id)
    }
    const follower = await followCampaigns(web.url, user.client, ids)
    const started = performance.now()
    await Promise.all(ids.map(async (id) => {
      const accepted = await user.client.post(`/api/campaigns/${id}/generate`)
      if (accepted.status !== 202) throw new Error(`Generate refused: ${accepted.status} ${JSON.stringify(accepted.body)}`)
    }))
    const outcome = await follower.allCompleted(CLUSTER.runs.timeoutMs).then(() => null, (error: Error) => error)
    const finished = Math.max(...follower.completedAt.values(), started)
    await follower.stop()
    if (outcome) process.stderr.write(`  ${outcome.message}\n`)
    const wallSeconds = (finished - started) / 1000
    return { workers, campaigns: ids.length, completed: follower.completedAt.size, wallSeconds, runsPerSecond: follower.completedAt.size / wallSeconds }
  }
  finally {
    await Promise.all(apps.map(app => app.stop()))
    await database.dispose()
    await deleteRedisKeys(prefix)
  }
}
