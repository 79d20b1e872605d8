import { registerUser } from '../../support/api-client'
import { percentile } from '../hub/stats'
import { ENGINE_BENCH } from './config'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sampleAcceptQueue, type AcceptQueue } from './accept-queue'
import { createCampaigns, launch } from './campaigns'
import { startBareServer, type BareServer } from './bare-server'
import { startDeployment, type BenchDeployment } from './deployment'
import { sampleDatabaseCpu } from './database-cpu'
import { monotonicMicros, summarizeProfiles, type ProfileWindow, type ThreadProfile } from './cpu-profile'
import { eventLoopDelayFrom, scrapeMetrics, type EventLoopDelay } from './event-loop'
import { burstHealthDurations, healthDurationBuckets, type ServerHealthDurations } from './health-durations'
import { statementsBetween, type BurstStatements } from './statements'
import { followCampaigns } from './hub-follower'
import { KeptAliveClient } from './kept-alive-client'
import { randomCampaignPath, sampleAtRate, type LatencySamples } from './latency-sampler'
import { readThreadClocks, threadTimesBetween, type ThreadTimes } from './thread-times'
import { warmUp } from './warm-up'

export interface ScenarioFigures {
  /** Which build ran (ENGINE_BENCH.builds). */
  build: string
  deployment: BenchDeployment
  /** CAMPAIGN_RUN_CONCURRENCY, or undefined for the server's default. */
  concurrency: number | undefined
  /** How many rounds the figures are the medians of (1 for a single scenario). */
  rounds: number
  campaigns: number
  completed: number
  /** From the first generate request to the last OnCampaignCompleted. */
  wallSeconds: number
  runsPerSecond: number
  p50GenerateToCompletedMs: number
  p95GenerateToCompletedMs: number
  eventsDelivered: number
  eventsPerSecond: number
  /** Chunks out of sequence, or events after a campaign's OnCampaignCompleted: 0 expected. */
  eventsOutOfOrder: number
  rest: LatencyFigures
  health: LatencyFigures
  /** `GET /health` during the burst as the server timed it, both ports together. */
  serverHealth: ServerHealthDurations
  /** `GET /health` on the front's PROBE_PORT, or null with `BENCH_PROBE_PORT=0`. */
  probeHealth: LatencyFigures | null
  /** The same probes to a bare `node:http` server on the same machine, or null with `BENCH_BARE_PROBE=0`. */
  bareProbe: LatencyFigures | null
  /** The bare server's own event-loop delay over the burst, or null with `BENCH_BARE_PROBE=0`. */
  bareEventLoop: EventLoopDelay | null
  /** The main-thread event-loop delay over the burst, of the instance that answers the requests. */
  eventLoop: EventLoopDelay
  /** Connections waiting for the server to accept them, over the burst. */
  acceptQueue: AcceptQueue
  /** The front's threads over the burst, or null where the kernel does not say (not Linux). */
  threadTimes: ThreadTimes | null
  /** CPU the benchmark's own process used over the burst: the load generator shares the cores. */
  benchCpuMs: number
  /**
   * CPU the PostgreSQL server's processes used over the burst, or null where the deployment does not
   * use it or its processes are not on this machine.
   */
  databaseCpuMs: number | null
  /**
   * The statements the server sent over the burst (the REST reads' and probes' included), or null
   * where the runs execute in another instance than the one scraped (web+worker).
   */
  statements: BurstStatements | null
  /** Where the server's CPU went during the burst, per thread (BENCH_CPU_PROFILE=1). */
  profiles: ThreadProfile[]
}

export interface LatencyFigures {
  samples: number
  errors: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
}

const METRICS_TOKEN = 'engine-bench-metrics-token'

const sorted = (values: number[]) => [...values].sort((a, b) => a - b)

/**
 * A fresh deployment (deployment.ts), one user with `campaigns` campaigns generated at once by the offline writer at
 * zero pace, one hub connection in every campaign's group, and REST reads sampled meanwhile.
 */
export async function runScenario(build: { label: string, path: string }, deployment: BenchDeployment, concurrency: number | undefined, log: (line: string) => void): Promise<ScenarioFigures> {
  const profileDir = ENGINE_BENCH.cpuProfile ? mkdtempSync(join(tmpdir(), 'engine-bench-profile-')) : undefined
  const running = await startDeployment(deployment, {
    env: {
      METRICS_TOKEN,
      OFFLINE_WRITER_PACE_MS: '0',
      RATE_LIMIT_PER_MINUTE: String(ENGINE_BENCH.rateLimitPerMinute),
      MAX_QUEUED_RUNS_PER_USER: String(ENGINE_BENCH.runsPerUser),
      MAX_RUNNING_RUNS_PER_USER: String(ENGINE_BENCH.runsPerUser),
    },
    concurrency,
    buildDir: build.path,
    probePort: ENGINE_BENCH.probePort,
    nodeArgsFor: instance => (profileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, instance)}`] : []),
  })
  const app = running.front
  let bareServer: BareServer | null = null
  let clients: SamplerClients | undefined
  let figures: ScenarioFigures
  let burst: ProfileWindow | undefined
  try {
    if (ENGINE_BENCH.bareProbe) bareServer = await startBareServer()
    const user = await registerUser(app.url)
    if (ENGINE_BENCH.warmUp) await warmUp(app.url, user.client, ENGINE_BENCH.campaigns, ENGINE_BENCH.scenarioTimeoutMs)
    const ids = await createCampaigns(user.client, ENGINE_BENCH.campaigns)
    const follower = await followCampaigns(app.url, user.client, ids)
    const metricsBefore = await scrapeMetrics(app.url, METRICS_TOKEN)
    const healthBefore = healthDurationBuckets(metricsBefore)
    await bareServer?.eventLoopDelay()
    const acceptQueueSampler = sampleAcceptQueue(Number(new URL(app.url).port))
    clients = samplerClients(app.url, user.client.sessionCookie!, running.probeUrl, bareServer?.url)
    await Promise.all(Object.values(clients).map(client => client?.open('/health')))
    const restSampler = sampleAtRate(clients.rest, randomCampaignPath(ids), ENGINE_BENCH.restPerSecond)
    const healthSampler = sampleAtRate(clients.health, () => '/health', ENGINE_BENCH.healthPerSecond)
    const probeSampler = clients.probe ? sampleAtRate(clients.probe, () => '/health', ENGINE_BENCH.healthPerSecond) : null
    const bareSampler = clients.bare ? sampleAtRate(clients.bare, () => '/health', ENGINE_BENCH.healthPerSecond) : null
    log(`  ${ids.length} campaigns created and followed; generating them all at once`)

    const requestedAt = new Map<string, number>()
    const serverPid = app.process.pid!
    const clocksBefore = readThreadClocks(serverPid)
    const benchCpuBefore = process.cpuUsage()
    const databaseCpu = deployment === 'embedded' ? null : sampleDatabaseCpu()
    const started = performance.now()
    const burstFromUs = monotonicMicros()
    await Promise.all(ids.map(async (id) => {
      requestedAt.set(id, performance.now())
      await launch(user.client, id)
    }))
    const outcome = await follower.allCompleted(ENGINE_BENCH.scenarioTimeoutMs).then(() => null, (error: Error) => error)
    const finished = Math.max(...follower.completedAt.values(), started)
    burst = { fromUs: burstFromUs, toUs: burstFromUs + (finished - started) * 1000 }
    const clocksAfter = readThreadClocks(serverPid)
    const benchCpu = process.cpuUsage(benchCpuBefore)
    const databaseCpuMs = databaseCpu?.stop() ?? null
    const delivered = follower.delivered()
    const metricsAfter = await scrapeMetrics(app.url, METRICS_TOKEN)
    const eventLoop = eventLoopDelayFrom(metricsAfter)
    const bareEventLoop = await bareServer?.eventLoopDelay() ?? null
    const acceptQueue = acceptQueueSampler.stop()
    const rest = await restSampler.stop()
    const health = await healthSampler.stop()
    const probeHealth = await probeSampler?.stop()
    const bareProbe = await bareSampler?.stop()
    await follower.stop()
    if (outcome) log(`  ${outcome.message}`)

    const wallSeconds = (finished - started) / 1000
    const toCompleted = sorted([...follower.completedAt].map(([id, at]) => at - requestedAt.get(id)!))
    figures = {
      build: build.label,
      deployment,
      concurrency,
      rounds: 1,
      campaigns: ids.length,
      completed: follower.completedAt.size,
      wallSeconds,
      runsPerSecond: follower.completedAt.size / wallSeconds,
      p50GenerateToCompletedMs: percentile(toCompleted, 0.5),
      p95GenerateToCompletedMs: percentile(toCompleted, 0.95),
      eventsDelivered: delivered,
      eventsPerSecond: delivered / wallSeconds,
      eventsOutOfOrder: follower.outOfOrder(),
      rest: latencyFigures(rest),
      health: latencyFigures(health),
      serverHealth: burstHealthDurations(healthBefore, healthDurationBuckets(metricsAfter)),
      probeHealth: probeHealth ? latencyFigures(probeHealth) : null,
      bareProbe: bareProbe ? latencyFigures(bareProbe) : null,
      bareEventLoop,
      eventLoop,
      acceptQueue,
      threadTimes: clocksBefore && clocksAfter ? threadTimesBetween(clocksBefore, clocksAfter, serverPid) : null,
      benchCpuMs: (benchCpu.user + benchCpu.system) / 1000,
      databaseCpuMs,
      statements: deployment === 'web+worker' ? null : statementsBetween(metricsBefore, metricsAfter),
      profiles: [],
    }
  }
  finally {
    for (const client of Object.values(clients ?? {})) client?.close()
    await bareServer?.stop()
    await running.stop()
  }
  if (profileDir) {
    // Each thread writes its profile as its instance exits, in the instance's own folder.
    figures.profiles = readdirSync(profileDir).sort().flatMap(instance => summarizeProfiles(join(profileDir, instance), instance, burst))
    if (ENGINE_BENCH.keepProfiles) log(`  CPU profiles kept in ${profileDir}`)
    else rmSync(profileDir, { recursive: true, force: true })
  }
  return figures
}

interface SamplerClients {
  rest: KeptAliveClient
  health: KeptAliveClient
  probe: KeptAliveClient | null
  bare: KeptAliveClient | null
}

/**
 * Each sampler's own connections: the REST reads' as the campaigns' owner, `/health`'s on the main
 * port, on PROBE_PORT and on the bare server (the last two where there is one).
 */
function samplerClients(url: string, sessionCookie: string, probeUrl: string | undefined, bareUrl: string | undefined): SamplerClients {
  const connections = ENGINE_BENCH.samplerConnections
  return {
    rest: new KeptAliveClient(url, { Cookie: sessionCookie }, connections),
    health: new KeptAliveClient(url, {}, connections),
    probe: probeUrl ? new KeptAliveClient(probeUrl, {}, connections) : null,
    bare: bareUrl ? new KeptAliveClient(bareUrl, {}, connections) : null,
  }
}

function latencyFigures(samples: LatencySamples): LatencyFigures {
  const latencies = sorted(samples.latenciesMs)
  return {
    samples: latencies.length,
    errors: samples.errors,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
  }
}
