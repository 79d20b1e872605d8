import { cpus, loadavg } from 'node:os'
import { describeMachine } from '../shared/machine'
import { killAllChildren } from '../hub/children'
import { summarize } from '../hub/stats'
import { CLUSTER, CLUSTER_KINDS, type ClusterKind } from './config'
import { clusterTables, runsTable, type ClusterResults } from './report'
import { measureRuns, type RunsFigures } from './runs-scenario'
import { measureCluster } from './scenario'

/**
 * Our hub on the Redis backplane against socket.io with @socket.io/redis-adapter, three instances
 * each, on one Redis: every round runs both once, in alternating order. Then campaign runs/s with 1
 * and with 3 workers, likewise alternating. Prints medians with their spread over the rounds, and
 * the machine's load while it ran.
 */
process.on('exit', killAllChildren)
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => {
    killAllChildren()
    process.exit(code)
  })
}

const log = (line: string) => process.stderr.write(`${line}\n`)
const loadSamples: number[] = []

async function main(): Promise<void> {
  const machine = describeMachine()
  const started = Date.now()
  const sampler = setInterval(() => loadSamples.push(loadavg()[0]!), 5_000)
  loadSamples.push(loadavg()[0]!)
  const results = Object.fromEntries(CLUSTER_KINDS.map(kind => [kind, []])) as unknown as ClusterResults
  const broadcast = CLUSTER.parts.includes('broadcast')
  for (let round = 0; broadcast && round < CLUSTER.rounds; round++) {
    const order: ClusterKind[] = round % 2 === 0 ? [...CLUSTER_KINDS] : [...CLUSTER_KINDS].reverse()
    log(`round ${round + 1}/${CLUSTER.rounds}: ${order.join(', ')}`)
    for (const kind of order) {
      const figures = await measureCluster(kind)
      results[kind].push({ round, ...figures })
      log(`  ${kind}: ${(figures.throughput / 1000).toFixed(1)}k msgs/s, p50 ${figures.p50Ms.toFixed(1)} ms, p99 ${figures.p99Ms.toFixed(1)} ms${figures.lost ? `, ${figures.lost} lost` : ''}`)
    }
  }
  const runs: Array<RunsFigures & { round: number }> = []
  const runsStarted = Date.now()
  for (let round = 0; CLUSTER.parts.includes('runs') && round < CLUSTER.runs.rounds; round++) {
    const order = round % 2 === 0 ? [...CLUSTER.runs.workerCounts] : [...CLUSTER.runs.workerCounts].reverse()
    log(`runs round ${round + 1}/${CLUSTER.runs.rounds}: ${order.map(workers => `${workers} worker(s)`).join(', ')}`)
    for (const workers of order) {
      const figures = await measureRuns(workers)
      runs.push({ round, ...figures })
      log(`  ${workers} worker(s): ${figures.completed}/${figures.campaigns} runs in ${figures.wallSeconds.toFixed(1)} s, ${figures.runsPerSecond.toFixed(2)} runs/s`)
    }
  }
  clearInterval(sampler)
  const load = summarize(loadSamples)
  const subscribers = CLUSTER.instances * CLUSTER.subscribersPerInstance
  console.log([
    '',
    `Measured ${machine.date} on ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memory}, Node ${machine.node}; ${cpus().length} CPUs seen by Node.`,
    `1-minute load average during the run ${load.median.toFixed(1)} (${load.min.toFixed(1)}–${load.max.toFixed(1)}); ${((Date.now() - started) / 1000).toFixed(0)} s in all.`,
    ...(broadcast
      ? ['', `Broadcast: ${CLUSTER.rounds} rounds; ${subscribers} subscribers over ${CLUSTER.instances} instances; median (min–max).`, '', clusterTables(results)]
      : []),
    ...(runs.length > 0
      ? ['', `Campaign runs: ${CLUSTER.runs.rounds} rounds in ${((Date.now() - runsStarted) / 1000).toFixed(0)} s; one web instance, CAMPAIGN_RUN_CONCURRENCY=${CLUSTER.runs.concurrencyPerWorker} per worker; median (min–max).`, '', runsTable(runs)]
      : []),
    '',
    `raw: ${JSON.stringify({ broadcast: results, runs })}`,
  ].join('\n'))
  if (runs.some(figures => figures.completed < figures.campaigns)) process.exitCode = 1
}

main().then(() => process.exit(), (error: unknown) => {
  console.error(error)
  process.exit(1)
})
