import { execFileSync } from 'node:child_process'
import { cpus, loadavg } from 'node:os'
import { describeMachine } from '../shared/machine'
import { BENCH, SERVER_KINDS, type ServerKind } from './config'
import { killAllChildren } from './children'
import { figuresTable, idleTable, targetsTable, type Results, type RoundResult } from './report'
import { measureDelivery, measureIdle } from './scenarios'
import { summarize } from './stats'
import { rotated } from '../shared/rotation'

/**
 * Bare ws, socket.io rooms and our SignalR hub, side by side: each round runs every server
 * once (in a rotating order), each scenario with a fresh server process and a separate
 * subscriber process (the idle connections split over several). Prints medians with their spread
 * over the rounds. `BENCH_PARTS=idle` or `BENCH_PARTS=delivery` runs one part alone.
 */
process.on('exit', killAllChildren)
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => {
    killAllChildren()
    process.exit(code)
  })
}

const log = (line: string) => process.stderr.write(`${line}\n`)

function checkOpenFileLimit(): void {
  if (!BENCH.parts.includes('idle')) return
  // Children inherit this limit; the server holds every idle connection, plus its listener, pipes and modules.
  const limit = execFileSync('/bin/sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim()
  const needed = BENCH.idleConnections + 500
  if (limit !== 'unlimited' && Number(limit) < needed) {
    throw new Error(`The open-file limit is ${limit}; the benchmark needs ${needed}. Run it through \`npm run bench:hub\`, which raises it, or raise it with \`ulimit -n\`.`)
  }
}

async function runRound(kind: ServerKind, round: number): Promise<RoundResult> {
  const result: RoundResult = { round }
  if (BENCH.parts.includes('delivery')) {
    result.delivery = {}
    for (const subscribers of BENCH.subscriberCounts) {
      const figures = await measureDelivery(kind, subscribers)
      result.delivery[subscribers] = figures
      log(`  ${kind} @${subscribers}: ${(figures.throughput / 1000).toFixed(1)}k msgs/s, p50 ${figures.p50Ms.toFixed(1)} ms, p99 ${figures.p99Ms.toFixed(1)} ms, server ${figures.serverCpuUsPerMessage.toFixed(2)} µs CPU/msg${figures.lost ? `, ${figures.lost} lost` : ''}`)
    }
  }
  if (BENCH.parts.includes('idle')) {
    const idle = result.idle = await measureIdle(kind)
    log(`  ${kind} idle @${BENCH.idleConnections}: ${(idle.bytesPerConnection / 1024).toFixed(1)} KB per connection (empty ${(idle.emptyRssBytes / 2 ** 20).toFixed(0)} MB, loaded ${(idle.loadedRssBytes / 2 ** 20).toFixed(0)} MB); to all: ${idle.toAllMs.toFixed(0)} ms to the last delivery (slowest ${idle.toAllMaxMs.toFixed(0)}), p50 ${idle.p50Ms.toFixed(0)} ms, p99 ${idle.p99Ms.toFixed(0)} ms, server ${idle.serverCpuMsPerBroadcast.toFixed(1)} ms CPU/broadcast${idle.lost ? `, ${idle.lost} lost` : ''}`)
  }
  return result
}

/** Other work on the machine skews every figure; the run reports how busy it was. */
const loadSamples: number[] = []

async function main(): Promise<void> {
  checkOpenFileLimit()
  const machine = describeMachine()
  const started = Date.now()
  const sampler = setInterval(() => loadSamples.push(loadavg()[0]!), 5_000)
  loadSamples.push(loadavg()[0]!)
  const results = Object.fromEntries(SERVER_KINDS.map(kind => [kind, []])) as unknown as Results
  for (let round = 0; round < BENCH.rounds; round++) {
    const order = rotated(SERVER_KINDS, round)
    log(`round ${round + 1}/${BENCH.rounds}: ${order.join(', ')}`)
    for (const kind of order) results[kind].push(await runRound(kind, round))
  }
  clearInterval(sampler)
  const load = summarize(loadSamples)
  const seconds = ((Date.now() - started) / 1000).toFixed(0)
  log(`done in ${seconds} s`)
  console.log([
    '',
    `Measured ${machine.date} on ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memory}, Node ${machine.node}; ${cpus().length} CPUs seen by Node.`,
    `${BENCH.rounds} rounds in ${seconds} s; median (min–max); 1-minute load average during the run ${load.median.toFixed(1)} (${load.min.toFixed(1)}–${load.max.toFixed(1)}).`,
    ...(BENCH.parts.includes('delivery') ? ['', figuresTable(results)] : []),
    ...(BENCH.parts.includes('idle') ? ['', `${BENCH.idleConnections} idle connections over ${BENCH.idleSubscriberProcesses} subscriber process(es), ${BENCH.idleBroadcasts} broadcasts to all of them:`, '', idleTable(results)] : []),
    '',
    targetsTable(results),
    '',
    `raw: ${JSON.stringify(results)}`,
  ].join('\n'))
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error)
  process.exit(1)
})
