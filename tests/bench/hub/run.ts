import { execFileSync } from 'node:child_process'
import { cpus, loadavg } from 'node:os'
import { BENCH, SERVER_KINDS, type ServerKind } from './config'
import { killAllChildren } from './children'
import { figuresTable, targetsTable, type Results, type RoundResult } from './report'
import { measureDelivery, measureIdleMemory } from './scenarios'
import { summarize } from './stats'

/**
 * Bare ws, socket.io rooms and our SignalR hub, side by side: each round runs every server
 * once (in a rotating order), each scenario with a fresh server process and a separate
 * subscriber process. Prints medians with their spread over the rounds.
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
  // Children inherit this limit; each side of the memory scenario holds every connection.
  const limit = execFileSync('/bin/sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim()
  const needed = BENCH.idleConnections + 500
  if (limit !== 'unlimited' && Number(limit) < needed) {
    throw new Error(`The open-file limit is ${limit}; the benchmark needs ${needed}. Run it through \`npm run bench:hub\`, which raises it, or raise it with \`ulimit -n\`.`)
  }
}

async function runRound(kind: ServerKind, round: number): Promise<RoundResult> {
  const delivery: RoundResult['delivery'] = {}
  for (const subscribers of BENCH.subscriberCounts) {
    const figures = await measureDelivery(kind, subscribers)
    delivery[subscribers] = figures
    log(`  ${kind} @${subscribers}: ${(figures.throughput / 1000).toFixed(1)}k msgs/s, p50 ${figures.p50Ms.toFixed(1)} ms, p99 ${figures.p99Ms.toFixed(1)} ms, server ${figures.serverCpuUsPerMessage.toFixed(2)} µs CPU/msg${figures.lost ? `, ${figures.lost} lost` : ''}`)
  }
  const memory = await measureIdleMemory(kind)
  log(`  ${kind} memory: ${(memory.bytesPerConnection / 1024).toFixed(1)} KB per idle connection (empty ${(memory.emptyRssBytes / 2 ** 20).toFixed(0)} MB, loaded ${(memory.loadedRssBytes / 2 ** 20).toFixed(0)} MB)`)
  return { round, delivery, memory }
}

/** Other work on the machine skews every figure; the run reports how busy it was. */
const loadSamples: number[] = []

async function main(): Promise<void> {
  checkOpenFileLimit()
  const started = Date.now()
  const sampler = setInterval(() => loadSamples.push(loadavg()[0]!), 5_000)
  const results = Object.fromEntries(SERVER_KINDS.map(kind => [kind, []])) as unknown as Results
  for (let round = 0; round < BENCH.rounds; round++) {
    const order = SERVER_KINDS.map((_, i) => SERVER_KINDS[(i + round) % SERVER_KINDS.length]!)
    log(`round ${round + 1}/${BENCH.rounds}: ${order.join(', ')}`)
    for (const kind of order) results[kind].push(await runRound(kind, round))
  }
  clearInterval(sampler)
  const load = summarize(loadSamples)
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  console.log(`\n${BENCH.rounds} rounds; median (min–max); 1-minute load average during the run ${load.median.toFixed(1)} (${load.min.toFixed(1)}–${load.max.toFixed(1)}) on ${cpus().length} CPUs\n\n${figuresTable(results)}\n\n${targetsTable(results)}\n`)
  console.log(`raw: ${JSON.stringify(results)}`)
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error)
  process.exit(1)
})
