import { loadEngineConfig } from '../../../server/engine/engine-config'
import { ENGINE_BENCH } from './config'
import type { Machine } from '../shared/machine'
import type { EventLoopDelay } from './event-loop'
import type { ServerHealthDurations } from './health-durations'
import type { LatencyFigures, ScenarioFigures } from './scenario'
import type { QuietLaunchFigures } from './quiet-launch'
import { median } from '../hub/stats'

export const SECTION_HEADING = '## Campaign engine'

const label = (concurrency: number | undefined) => (concurrency === undefined ? `default (${loadEngineConfig({}).runConcurrency})` : String(concurrency))

const ms = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(1))
const latency = (figures: LatencyFigures, high: 'p95Ms' | 'p99Ms') =>
  `${ms(figures.p50Ms)} / ${ms(figures[high])} (${figures.samples}${figures.errors ? `, ${figures.errors} errors` : ''})`

const loopDelay = (figures: EventLoopDelay) => `${ms(figures.p50Ms)} / ${ms(figures.p99Ms)} / ${ms(figures.maxMs)}`

/** Totals over the burst, per campaign run. */
const cpuPerRun = (r: ScenarioFigures) => {
  const perRun = (totalMs: number) => (totalMs / r.campaigns).toFixed(1)
  const server = r.threadTimes ? `${perRun(r.threadTimes.mainRunMs)} (${perRun(r.threadTimes.mainWaitMs)}) · ${perRun(r.threadTimes.othersRunMs)}` : '– · –'
  return `${server} · ${perRun(r.benchCpuMs)} · ${r.databaseCpuMs === null ? '–' : perRun(r.databaseCpuMs)}`
}

/** The burst's statements per run: the repositories' · the run queue's. */
const statementsPerRun = (r: ScenarioFigures) =>
  (r.statements ? `${(r.statements.repositories / r.campaigns).toFixed(1)} · ${(r.statements.runQueue / r.campaigns).toFixed(1)}` : '– · –')

const serverTiming = (figures: ServerHealthDurations) =>
  (figures.p99AtMostMs === null ? '' : `; the server's own timing: 99 % within ${figures.p99AtMostMs === Number.POSITIVE_INFINITY ? 'its histogram\'s last bound' : `${figures.p99AtMostMs} ms`} of arrival`)

export function figuresTable(results: ScenarioFigures[]): string {
  const probed = results.some(r => r.probeHealth)
  const bare = results.some(r => r.bareProbe)
  const rows = [
    `| build | deployment | CAMPAIGN_RUN_CONCURRENCY | rounds | completed | wall s | runs/s | generate → completed p50 / p95 ms | hub events delivered (out of order) | events/s | event-loop delay p50 / p99 / max ms | connections waiting to be accepted, most / for ms | GET /health p50 / p99 ms (samples) |${probed ? ' GET /health on PROBE_PORT p50 / p99 ms (samples) |' : ''}${bare ? ' bare node:http server: event-loop delay p50 / p99 / max ms; same probes p50 / p99 ms (samples) |' : ''} GET /api/campaigns/{id} p50 / p95 ms (samples) | CPU ms per run: server's main thread (ready, waiting for a core) · its other threads · the benchmark · PostgreSQL's processes | SQL statements per run: repositories · run queue |`,
    `|---|---|---|---|---|---|---|---|---|---|---|---|---|${probed ? '---|' : ''}${bare ? '---|' : ''}---|---|---|`,
  ]
  for (const r of results) {
    rows.push(`| ${r.build} | ${r.deployment} | ${label(r.concurrency)} | ${r.rounds} | ${r.completed}/${r.campaigns} | ${r.wallSeconds.toFixed(1)} | ${r.runsPerSecond.toFixed(1)} | `
      + `${r.p50GenerateToCompletedMs.toFixed(0)} / ${r.p95GenerateToCompletedMs.toFixed(0)} | ${r.eventsDelivered} (${r.eventsOutOfOrder}) | ${r.eventsPerSecond.toFixed(0)} | `
      + `${loopDelay(r.eventLoop)} | ${r.acceptQueue.max ?? '–'} / ${r.acceptQueue.nonEmptyMs} | `
      + `${latency(r.health, 'p99Ms')} | ${probed ? `${r.probeHealth ? latency(r.probeHealth, 'p99Ms') : '–'} | ` : ''}`
      + `${bare ? `${r.bareProbe && r.bareEventLoop ? `${loopDelay(r.bareEventLoop)}; ${latency(r.bareProbe, 'p99Ms')}` : '–'} | ` : ''}${latency(r.rest, 'p95Ms')} | ${cpuPerRun(r)} | ${statementsPerRun(r)} |`)
  }
  return rows.join('\n')
}

/** Where each profiled scenario's server CPU went, by part and by function. */
export function profileTables(results: ScenarioFigures[]): string {
  const out: string[] = []
  for (const r of results) {
    for (const thread of r.profiles) {
      const name = `${r.build} build, ${r.deployment}, CAMPAIGN_RUN_CONCURRENCY ${label(r.concurrency)}, ${thread.instance}'s ${thread.threadId === 0 ? 'main thread' : `worker thread ${thread.threadId}`}`
      const share = (value: number) => `${(100 * value / thread.totalMs).toFixed(1)} %`
      out.push(`${name}: ${(thread.totalMs / 1000).toFixed(1)} s profiled during the burst; ${thread.parts.map(p => `${p.part} ${share(p.ms)}`).join(', ')}`, '')
      out.push('| self ms | share | part | function and source |', '|---|---|---|---|')
      for (const frame of thread.topFrames) out.push(`| ${frame.ms.toFixed(0)} | ${share(frame.ms)} | ${frame.part} | \`${frame.frame.replaceAll('|', '\\|')}\` |`)
      out.push('')
    }
  }
  return out.join('\n')
}

/** The engine's targets, each scenario judged on its own figures. */
export function targetsTable(results: ScenarioFigures[]): string {
  const rows = ['| build | deployment | CAMPAIGN_RUN_CONCURRENCY | target | measured | verdict |', '|---|---|---|---|---|---|']
  const verdict = (met: boolean) => (met ? 'met' : '**not met**')
  for (const r of results) {
    const minimumRunsPerSecond = r.deployment === 'embedded' ? 25 : 40
    // What a probe's figure is read against, measured in the same rounds: the machine's floor (a bare
    // server) and the server's own timing. Said beside the figure, never subtracted from it.
    const probeContext = `${r.bareProbe ? `; a bare node:http server: ${ms(r.bareProbe.p99Ms)} ms` : ''}${serverTiming(r.serverHealth)}`
    const loopFloor = r.bareEventLoop ? ` (a bare node:http server's: ${ms(r.bareEventLoop.p99Ms)} ms)` : ''
    const checks: Array<[string, string, boolean]> = [
      ['event-loop delay p99 ≤ 20 ms', `${ms(r.eventLoop.p99Ms)} ms${loopFloor}`, r.eventLoop.p99Ms <= 20],
      ['GET /health p99 ≤ 25 ms', `${ms(r.health.p99Ms)} ms (${r.health.samples} samples${probeContext})`, r.health.p99Ms <= 25],
      ...(r.probeHealth ? [['GET /health on PROBE_PORT p99 ≤ 25 ms', `${ms(r.probeHealth.p99Ms)} ms (${r.probeHealth.samples} samples${probeContext})`, r.probeHealth.p99Ms <= 25] as [string, string, boolean]] : []),
      ['GET /api/campaigns/{id} p95 ≤ 50 ms', `${ms(r.rest.p95Ms)} ms (${r.rest.samples} samples)`, r.rest.p95Ms <= 50],
      [`≥ ${minimumRunsPerSecond} runs/s`, r.runsPerSecond.toFixed(1), r.runsPerSecond >= minimumRunsPerSecond],
      ['every hub event delivered, in order', `${r.completed}/${r.campaigns} completed, ${r.eventsOutOfOrder} out of order`, r.completed === r.campaigns && r.eventsOutOfOrder === 0],
    ]
    for (const [target, measured, met] of checks) rows.push(`| ${r.build} | ${r.deployment} | ${label(r.concurrency)} | ${target} | ${measured} | ${verdict(met)} |`)
  }
  return rows.join('\n')
}

/** Launch → completed, one campaign at a time: the median, then every launch in order. */
export function quietLaunchTable(results: QuietLaunchFigures[]): string {
  const launches = (values: number[]) => `${median(values).toFixed(0)} (${values.map(value => value.toFixed(0)).join(', ')})`
  const rows = [`| build | deployment | launch → completed, right after another run, ms | after ${ENGINE_BENCH.quietSeconds} s of quiet, ms |`, '|---|---|---|---|']
  for (const r of results) rows.push(`| ${r.build} | ${r.deployment} | ${launches(r.rightAfterMs)} | ${launches(r.afterQuietMs)} |`)
  return rows.join('\n')
}

export function section(results: ScenarioFigures[], quiet: QuietLaunchFigures[], machine: Machine, load: string): string {
  const profiles = profileTables(results)
  return `${SECTION_HEADING}

\`npm run bench:engine\` (code in \`tests/bench/engine/\`): the built server on loopback with the
offline writer at zero pace (\`OFFLINE_WRITER_PACE_MS=0\`); one user creates ${ENGINE_BENCH.campaigns} campaigns,
then generates them all at once (${ENGINE_BENCH.campaigns} concurrent \`POST …/generate\`). One official
\`@microsoft/signalr\` connection (WebSockets, JSON) joins all ${ENGINE_BENCH.campaigns} groups and counts every
event it is sent. Meanwhile random campaigns are read (\`GET /api/campaigns/{id}\`) ${ENGINE_BENCH.restPerSecond} times a second
and \`GET /health\` (whose database check counts a statement answered in the last 500 ms, else asks) is probed ${ENGINE_BENCH.healthPerSecond} times a second, each on schedule
whether or not the last was answered: a faster server is not asked more, so builds compare fairly. Each sampler has
${ENGINE_BENCH.samplerConnections} connections of its own, opened before the burst and kept alive, as a browser holds its connections to a site;
a sample that finds all of them busy waits for one, and the wait counts. Each row is a fresh
deployment on a fresh database: \`embedded\`, one server on the embedded database (the default);
\`postgres\`, one server on PostgreSQL 15 on the same machine; \`web+worker\`, on PostgreSQL and
Redis 7, a \`ROLE=web\` instance taking the requests and the hub and a \`ROLE=worker\` instance executing
the runs, both on the same machine. \`embedded\` and \`postgres\` run unless \`BENCH_DEPLOYMENTS\` says
otherwise (\`BENCH_DEPLOYMENTS=embedded,postgres,web+worker\` adds the third). The
samplers, the hub client and the event-loop figures are the web instance's. \`BENCH_BUILDS=before=<dir>,after=.output\`
runs each scenario on two builds in turn, to compare a change under the same load.

- Each round runs every scenario once, on every build in turn, the builds' order rotating from round to round (\`BENCH_ROUNDS\`, ${ENGINE_BENCH.rounds} here); each figure
  is the median of its rounds, and delivery must hold in every round (the fewest completed and the
  most out of order are shown). Latency samples are counted over all rounds.
- runs/s and events/s: over the wall time from the first generate request to the last
  \`OnCampaignCompleted\`. Out of order: a chunk whose sequence is not the next of its write, or
  an event after its campaign's \`OnCampaignCompleted\`.
- generate → completed: from sending a campaign's generate request (answered 202) to its
  \`OnCampaignCompleted\` arriving at the hub client; queued runs wait for a free slot.
- Event-loop delay: the server's own \`perf_hooks.monitorEventLoopDelay\` histogram (prom-client's,
  10 ms resolution, so an idle loop reads about 10 ms), read from \`GET /metrics\` just before and
  just after the burst (each scrape resets it): the burst alone.
- Connections waiting to be accepted: the kernel's accept queue of the server's listening socket
  (\`rx_queue\` in \`/proc/net/tcp\`, Linux only), sampled every 10 ms during the burst: the most at
  once, and for how long any waited. Node's libuv accepts one connection per turn of the event loop,
  so a request on a new connection (a load balancer's probe that connects each time, a browser whose kept-alive connection
  was closed) first waits for as many turns as there are connections ahead of it, before the
  server sees it: time the server's own request metrics do not include, nor the samplers' figures,
  whose connections are open before the burst.
- ${ENGINE_BENCH.probePort ? `The front also answers probes on a port of its own (\`PROBE_PORT\`), and \`GET /health\` is probed there too, ${ENGINE_BENCH.healthPerSecond} times a second on the same schedule (\`BENCH_PROBE_PORT=0\`: not)` : 'A port of its own for probes (`PROBE_PORT`) is not measured here (`BENCH_PROBE_PORT=0`)'}.
- Latencies are measured by the benchmark process, which shares the machine with the server. Beside
  each \`/health\` figure, the server's own timing of the burst's \`/health\` requests, from arrival to
  the last byte sent (\`http_request_duration_seconds\`, both ports, buckets of 5, 10, 25, 50 ms …): the
  bound 99 % of them finished within, in the slowest round. What a probe waited beyond it was spent
  before the server read the request (its event loop busy, a core to wait for) or in the benchmark.
- ${ENGINE_BENCH.bareProbe ? `A bare \`node:http\` server in a process of its own, answering every request at once, is probed too, ${ENGINE_BENCH.healthPerSecond} times a second on the same schedule: what the shared cores, loopback and the benchmark's own event loop add to any answer during the burst, the floor under the \`/health\` figures. Its own event-loop delay, measured as the server's, is what waiting for a core adds to a loop with nothing else to do (\`BENCH_BARE_PROBE=0\`: not)` : 'A bare `node:http` server probed alongside would show what the machine and the benchmark add to any answer; not measured here (`BENCH_BARE_PROBE=0`)'}.
- CPU per run: the front's threads from the kernel's per-thread counters
  (\`/proc/<pid>/task/*/schedstat\`, Linux only) and the benchmark's own process (\`process.cpuUsage\`),
  read just before the first generate request and after the last \`OnCampaignCompleted\`, divided by
  the campaigns. In brackets, the time the server's main thread was ready to run while no core was
  free: what a busy machine adds to every answer it gives. Its other threads are the embedded
  database's, V8's collector and compiler helpers and libuv's pool. PostgreSQL's processes (its
  backends, WAL writer and the rest, looked for every 50 ms as backends come and go) where the
  deployment uses PostgreSQL and it runs on this machine: the database's share of the same cores.
- SQL statements per run: what the front's counters on \`GET /metrics\` added over the burst
  (\`database_statements_total\`, the repositories'; \`run_queue_statements_total\`, the PostgreSQL run
  queue's), divided by the campaigns; the REST reads' and probes' statements are included. Not
  given for \`web+worker\`, whose runs send theirs from the worker.
- With \`BENCH_CPU_PROFILE=1\` every server runs under \`node --cpu-prof\`; the tables after the
  figures say where each thread's time went from the first generate request to the last
  \`OnCampaignCompleted\` (the start and the campaigns' creation left out), by part of the product
  (bundled frames mapped back to their sources through the build's source maps; a frame in Node's
  internals counts for the part that called it) and by function. Profiled time is wall time: idle
  is time the thread waited.
- The measured burst ${ENGINE_BENCH.warmUp ? 'follows one unmeasured burst of the same size on other campaigns (`BENCH_WARM_UP=1`): the server once warm' : 'is the first after the server started, while V8 and the embedded database compile their hot code (`BENCH_WARM_UP=1` measures a second burst instead)'}.
- The rate limit is raised for this run (\`RATE_LIMIT_PER_MINUTE=${ENGINE_BENCH.rateLimitPerMinute}\`): the contract's
  100 requests per minute per user would otherwise throttle the single user driving the load.

Measured ${machine.date} on ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memory}, Node ${machine.node};
1-minute load average during the run ${load} (the machine is shared: other work skews these figures).

${figuresTable(results)}

Targets:

${targetsTable(results)}
${quiet.length ? `\nOne launch at a time, after the rounds, each deployment and build on a fresh server: the first unmeasured, then ${ENGINE_BENCH.quietLaunches} times a launch right after the last one completed and a launch after ${ENGINE_BENCH.quietSeconds} s with no requests, longer than node-postgres keeps an idle connection (\`BENCH_QUIET_LAUNCHES\`, ${ENGINE_BENCH.quietLaunches} here; 0: none). From sending \`POST …/generate\` to \`OnCampaignCompleted\` at the hub client. No target is set for them.\n\n${quietLaunchTable(quiet)}\n` : ''}${profiles ? `\nWhere the time went:\n\n${profiles}` : ''}`
}
