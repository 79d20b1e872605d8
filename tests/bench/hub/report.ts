import { BENCH, SERVER_KINDS, type ServerKind } from './config'
import type { DeliveryFigures, MemoryFigures } from './scenarios'
import { summarize, type Summary } from './stats'

/** One server's figures from one round. */
export interface RoundResult {
  round: number
  delivery: Record<number, DeliveryFigures>
  memory: MemoryFigures
}

export type Results = Record<ServerKind, RoundResult[]>

const [SMALL, LARGE] = BENCH.subscriberCounts

function spread(summary: Summary, digits: number, scale = 1): string {
  const f = (value: number) => (value / scale).toFixed(digits)
  return `${f(summary.median)} (${f(summary.min)}–${f(summary.max)})`
}

function of(results: RoundResult[], pick: (round: RoundResult) => number): Summary {
  return summarize(results.map(pick))
}

/** Medians with the min–max over rounds, one row per server. */
export function figuresTable(results: Results): string {
  const rows = [
    `| server | k msgs/s @${SMALL} | k msgs/s @${LARGE} | p50 / p99 ms @${SMALL} | p50 / p99 ms @${LARGE} | server CPU µs/msg @${SMALL} / @${LARGE} | KB per idle conn @${BENCH.idleConnections} | empty RSS MB | lost msgs |`,
    '|---|---|---|---|---|---|---|---|---|',
  ]
  for (const kind of SERVER_KINDS) {
    const rounds = results[kind]
    const latency = (n: number) =>
      `${spread(of(rounds, r => r.delivery[n]!.p50Ms), 1)} / ${spread(of(rounds, r => r.delivery[n]!.p99Ms), 1)}`
    rows.push(`| ${kind} | ${[
      spread(of(rounds, r => r.delivery[SMALL]!.throughput), 1, 1000),
      spread(of(rounds, r => r.delivery[LARGE]!.throughput), 1, 1000),
      latency(SMALL),
      latency(LARGE),
      `${spread(of(rounds, r => r.delivery[SMALL]!.serverCpuUsPerMessage), 2)} / ${spread(of(rounds, r => r.delivery[LARGE]!.serverCpuUsPerMessage), 2)}`,
      spread(of(rounds, r => r.memory.bytesPerConnection), 1, 1024),
      spread(of(rounds, r => r.memory.emptyRssBytes), 0, 1024 * 1024),
      String(rounds.reduce((sum, r) => sum + Object.values(r.delivery).reduce((s, d) => s + d.lost, 0), 0)),
    ].join(' | ')} |`)
  }
  return rows.join('\n')
}

/** The hub against its targets: ratios of medians, and the range of the same ratio taken round by round. */
export function targetsTable(results: Results): string {
  const median = (kind: ServerKind, pick: (round: RoundResult) => number) => of(results[kind], pick).median
  const perRound = (other: ServerKind, pick: (round: RoundResult) => number) => {
    const byRound = new Map(results[other].map(r => [r.round, pick(r)]))
    return summarize(results.hub.map(r => pick(r) / byRound.get(r.round)!))
  }
  const ratio = (other: ServerKind, pick: (round: RoundResult) => number) => {
    const rounds = perRound(other, pick)
    return `${(median('hub', pick) / median(other, pick)).toFixed(2)}× (per round ${rounds.min.toFixed(2)}–${rounds.max.toFixed(2)})`
  }
  const verdict = (met: boolean) => (met ? 'met' : '**not met**')
  const rows = ['| target | measured | verdict |', '|---|---|---|']
  for (const n of BENCH.subscriberCounts) {
    const throughput = (r: RoundResult) => r.delivery[n]!.throughput
    const p99 = (r: RoundResult) => r.delivery[n]!.p99Ms
    rows.push(
      `| throughput @${n} ≥ 0.8× ws | ${ratio('ws', throughput)} | ${verdict(median('hub', throughput) >= 0.8 * median('ws', throughput))} |`,
      `| throughput @${n} ahead of socket.io | ${ratio('socket.io', throughput)} | ${verdict(median('hub', throughput) > median('socket.io', throughput))} |`,
      `| p99 @${n} ≤ 1.25× ws | ${ratio('ws', p99)} | ${verdict(median('hub', p99) <= 1.25 * median('ws', p99))} |`,
      `| p99 @${n} ahead of socket.io | ${ratio('socket.io', p99)} | ${verdict(median('hub', p99) < median('socket.io', p99))} |`,
    )
  }
  for (const n of BENCH.subscriberCounts) {
    const cpu = (r: RoundResult) => r.delivery[n]!.serverCpuUsPerMessage
    rows.push(
      `| server CPU per message @${n} ≤ 1.1× ws | ${ratio('ws', cpu)} | ${verdict(median('hub', cpu) <= 1.1 * median('ws', cpu))} |`,
      `| server CPU per message @${n} below socket.io | ${ratio('socket.io', cpu)} | ${verdict(median('hub', cpu) < median('socket.io', cpu))} |`,
    )
  }
  const kb = median('hub', r => r.memory.bytesPerConnection) / 1024
  rows.push(`| ≤ 30 KB per idle connection | ${kb.toFixed(1)} KB | ${verdict(kb <= 30)} |`)
  return rows.join('\n')
}
