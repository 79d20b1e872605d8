import { BENCH_DEPLOYMENTS, type BenchDeployment } from './deployment'

function parseDeployments(list: string): BenchDeployment[] {
  return list.split(',').map((name) => {
    const deployment = BENCH_DEPLOYMENTS.find(known => known === name.trim())
    if (!deployment) throw new Error(`Unknown deployment "${name}": one of ${BENCH_DEPLOYMENTS.join(', ')}`)
    return deployment
  })
}

/** What the engine benchmark measures; every figure the doc quotes comes from these. */
export const ENGINE_BENCH = {
  /**
   * Each round runs every scenario once, on every build in turn; each figure reported is the
   * median of the rounds (`BENCH_ROUNDS`, default 5): these machines are shared and noisy.
   */
  rounds: Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5)),
  /** Campaigns created first, then all generated at once. */
  campaigns: Number(process.env.BENCH_CAMPAIGNS ?? 100),
  /**
   * CAMPAIGN_RUN_CONCURRENCY per scenario; undefined runs the server's default. Each scenario
   * gets a fresh server and database.
   */
  concurrencies: (process.env.BENCH_CONCURRENCIES?.split(',').map(value => (value.trim() === 'default' ? undefined : Number(value))) ?? [undefined]) as Array<number | undefined>,
  /**
   * Deployments to run every concurrency on (deployment.ts), each on a fresh database: the embedded
   * one (the default), one process on PostgreSQL, and a web instance with a worker instance on
   * PostgreSQL and Redis (`BENCH_DEPLOYMENTS=embedded,postgres,web+worker`; PostgreSQL at
   * TEST_POSTGRES_URL, Redis at TEST_REDIS_URL). `BENCH_DATABASES` is read too, as it was named before.
   * Unset: `embedded,postgres`, the two the targets are set for (`postgres` left out, and said so,
   * when no PostgreSQL server answers).
   */
  deployments: parseDeployments(process.env.BENCH_DEPLOYMENTS ?? process.env.BENCH_DATABASES ?? 'embedded,postgres'),
  /** Whether the deployments were chosen (then a PostgreSQL that does not answer fails the run). */
  deploymentsChosen: Boolean(process.env.BENCH_DEPLOYMENTS ?? process.env.BENCH_DATABASES),
  /**
   * `GET /api/campaigns/{id}` requests a second sampling REST latency while the runs go on, sent on
   * schedule whether or not earlier ones were answered, so every build does the same extra work.
   */
  restPerSecond: 50,
  /**
   * Builds to compare, each scenario run on each in turn: `BENCH_BUILDS=before=/tmp/old-output,after=.output`
   * measures a change side by side under the same load. By default only `.output`.
   */
  builds: (process.env.BENCH_BUILDS ?? 'this=.output').split(',').map((entry) => {
    const [label = '', path = ''] = entry.split('=')
    return { label: label.trim(), path: path.trim() }
  }),
  /**
   * Each sampler's kept-alive connections, opened before the burst (kept-alive-client.ts): as many
   * as a browser opens to one site over HTTP/1.1. A sample that finds them all busy waits for one.
   */
  samplerConnections: 6,
  /** `GET /health` requests a second, as a load balancer's probes during the burst, on the same schedule. */
  healthPerSecond: 50,
  /**
   * `BENCH_CPU_PROFILE=1` runs each server under `node --cpu-prof` and reports where its CPU went;
   * the profiler itself costs some throughput, so figures from such a run are not the headline ones.
   */
  cpuProfile: process.env.BENCH_CPU_PROFILE === '1',
  /** With `BENCH_KEEP_PROFILES=1` the `.cpuprofile` files stay on disk (for flame graphs) and their folder is printed. */
  keepProfiles: process.env.BENCH_KEEP_PROFILES === '1',
  /**
   * The contract's 100 requests per minute per user would throttle one user driving 100
   * campaigns and the latency sampler; the benchmark measures the engine, not the limiter.
   */
  rateLimitPerMinute: 1_000_000,
  /** Likewise the per-user run limits: one user's 100 runs may all queue and take every slot. */
  runsPerUser: 1_000_000,
  /**
   * `BENCH_WARM_UP=1`: every server first runs one unmeasured burst of the same size on other
   * campaigns (warm-up.ts), so the measured burst is not the first after start.
   */
  warmUp: process.env.BENCH_WARM_UP === '1',
  /**
   * The instance that takes the requests also answers probes on a port of its own (PROBE_PORT), and
   * `GET /health` is probed there too, on the same schedule as on the main port
   * (`BENCH_PROBE_PORT=0`: the main port only).
   */
  probePort: process.env.BENCH_PROBE_PORT !== '0',
  /**
   * A bare `node:http` server (bare-server.ts) is probed too, on the same schedule, in every
   * scenario: what the machine and the benchmark add to any answer at that moment
   * (`BENCH_BARE_PROBE=0`: not).
   */
  bareProbe: process.env.BENCH_BARE_PROBE !== '0',
  /**
   * Launches timed one at a time after the rounds, per deployment and build (quiet-launch.ts): this
   * many right after another run and as many after `quietSeconds` with no requests
   * (`BENCH_QUIET_LAUNCHES=0`: none).
   */
  quietLaunches: Math.max(0, Number(process.env.BENCH_QUIET_LAUNCHES ?? 3)),
  /** Longer than node-postgres keeps an idle connection open (10 s). */
  quietSeconds: 12,
  /** Every scenario is abandoned (and reported as such) after this long. */
  scenarioTimeoutMs: 180_000,
} as const
