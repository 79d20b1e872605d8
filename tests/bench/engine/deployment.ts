import { freePort, startApp, type RunningApp } from '../../support/app-server'
import { clusterEnv } from '../../support/cluster'
import { deleteRedisKeys, TEST_REDIS_URL, uniqueRedisPrefix } from '../../support/redis'
import { createPostgresTestDatabase } from '../../support/test-databases'

/**
 * How the server under test is deployed. `embedded` and `postgres`: one process serves the
 * requests and executes the runs. `web+worker`: on PostgreSQL and Redis, a `ROLE=web` instance
 * serves the requests and the hub while one `ROLE=worker` instance on the same machine executes the
 * runs, so the runs' work leaves the event loop that answers the requests.
 */
export type BenchDeployment = 'embedded' | 'postgres' | 'web+worker'

export const BENCH_DEPLOYMENTS: readonly BenchDeployment[] = ['embedded', 'postgres', 'web+worker']

export interface RunningDeployment {
  /** The instance the benchmark sends requests to and follows on its hub. */
  front: RunningApp
  /** The front's PROBE_PORT, where it has one (`probePort`). */
  probeUrl: string | undefined
  stop: () => Promise<void>
}

export interface DeploymentOptions {
  /** Settings every instance gets. */
  env: Record<string, string>
  /** CAMPAIGN_RUN_CONCURRENCY for the instance that executes runs; undefined keeps its default. */
  concurrency: number | undefined
  buildDir: string
  /** Whether the front answers probes on a port of its own (PROBE_PORT). */
  probePort: boolean
  /** Node options for one instance (`server`, `web` or `worker`): `--cpu-prof` in profiled runs. */
  nodeArgsFor: (instance: DeploymentInstance) => string[]
}

export type DeploymentInstance = 'server' | 'web' | 'worker'

/** Starts a fresh deployment on a fresh database (and a Redis key prefix of its own). */
export async function startDeployment(deployment: BenchDeployment, options: DeploymentOptions): Promise<RunningDeployment> {
  const start = (instance: DeploymentInstance, env: Record<string, string>) => startApp(env, { buildDir: options.buildDir, nodeArgs: options.nodeArgsFor(instance) })
  const runSlots: Record<string, string> = options.concurrency === undefined ? {} : { CAMPAIGN_RUN_CONCURRENCY: String(options.concurrency) }
  const probePort = options.probePort ? await freePort() : undefined
  const probes: Record<string, string> = probePort === undefined ? {} : { PROBE_PORT: String(probePort) }
  const probeUrl = probePort === undefined ? undefined : `http://127.0.0.1:${probePort}`
  if (deployment === 'embedded') {
    const front = await start('server', { ...options.env, ...runSlots, ...probes })
    return { front, probeUrl, stop: () => front.stop() }
  }

  const database = await createPostgresTestDatabase()
  const redisPrefix = deployment === 'web+worker' ? uniqueRedisPrefix() : undefined
  const apps: RunningApp[] = []
  const stop = async () => {
    await Promise.all(apps.map(app => app.stop()))
    await database.dispose()
    if (redisPrefix) await deleteRedisKeys(redisPrefix)
  }
  try {
    if (!redisPrefix) {
      apps.push(await start('server', { ...options.env, ...runSlots, ...probes, DATABASE_URL: database.url! }))
      return { front: apps[0]!, probeUrl, stop }
    }
    const env = clusterEnv(database.url!, { ...options.env, REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: redisPrefix })
    // The web instance first: it applies the migrations.
    apps.push(await start('web', { ...env, ...probes, ROLE: 'web' }))
    apps.push(await start('worker', { ...env, ...runSlots, ROLE: 'worker' }))
    return { front: apps[0]!, probeUrl, stop }
  }
  catch (error) {
    await stop()
    throw error
  }
}
