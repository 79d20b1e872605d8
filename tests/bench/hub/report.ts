import { BENCH, SERVER_KINDS, type ServerKind } from './config'
import type { DeliveryFigures, IdleFigures } from './scenarios'
import { summarize, type Summary } from './stats'

/** One server's figures from one round; a part left out by `BENCH_PARTS` is absent. */
export interface RoundResult {
  round: number
  delivery?: Record<number, DeliveryFigures>
  idle?: IdleFigures
}

export type Results = Record<ServerKind, RoundResult[]>

type Pick = (round: RoundResult) => number

const [SMALL, LARGE] = BENCH.subscriberCounts
const IDLE = BENCH.idleConnections

function spread(summary: Summary, digits: number, scale = 1): string {
  const f = (value: number) => (value / scale).toFixed(digits)
  return `${f(summary.median)} (${f(summary.min)}–${f(summary.max)})`
}

function of(results: RoundResult[], pick: Pick): Summary {
  return summarize(results.map(pick))
}

const delivery = (round: RoundResult, subscribers: number) => round.delivery![subscribers]!
const idle = (round: RoundResult) => round.idle!

/** Medians with the min–max over rounds, one row per server: throughput, latency and CPU with 100 and 1,000 subscribers. */
export function figuresTable(results: Results): string {
  const rows = [
    `| server | k msgs/s @${SMALL} | k msgs/s @${LARGE} | p50 / p99 ms @${SMALL} | p50 / p99 ms @${LARGE} | server CPU µs/msg @${SMALL} / @${LARGE} | lost msgs |`,
    '|---|---|---|---|---|---|---|',
  ]
  for (const kind of SERVER_KINDS) {
    const rounds = results[kind]
    const latency = (n: number) =>
      `${spread(of(rounds, r => delivery(r, n).p50Ms), 1)} / ${spread(of(rounds, r => delivery(r, n).p99Ms), 1)}`
    rows.push(`| ${kind} | ${[
      spread(of(rounds, r => delivery(r, SMALL).throughput), 1, 1000),
      spread(of(rounds, r => delivery(r, LARGE).throughput), 1, 1000),
      latency(SMALL),
      latency(LARGE),
      `${spread(of(rounds, r => delivery(r, SMALL).serverCpuUsPerMessage), 2)} / ${spread(of(rounds, r => delivery(r, LARGE).serverCpuUsPerMessage), 2)}`,
      String(rounds.reduce((sum, r) => sum + Object.values(r.delivery!).reduce((s, d) => s + d.lost, 0), 0)),
    ].join(' | ')} |`)
  }
  return rows.join('\n')
}

/** Medians with the min–max over rounds, one row per server: memory of the idle connections and broadcasts to all of them. */
export function idleTable(results: Results): string {
  const rows = [
    `| server | KB per idle conn @${IDLE} | empty RSS MB | broadcast to all @${IDLE}: send → last delivery ms, median / slowest of ${BENCH.idleBroadcasts} | delivery p50 / p99 ms | server CPU ms per broadcast | lost msgs |`,
    '|---|---|---|---|---|---|---|',
  ]
  for (const kind of SERVER_KINDS) {
    const rounds = results[kind]
    rows.push(`| ${kind} | ${[
      spread(of(rounds, r => idle(r).bytesPerConnection), 1, 1024),
      spread(of(rounds, r => idle(r).emptyRssBytes), 0, 1024 * 1024),
      `${spread(of(rounds, r => idle(r).toAllMs), 0)} / ${spread(of(rounds, r => idle(r).toAllMaxMs), 0)}`,
      `${spread(of(rounds, r => idle(r).p50Ms), 0)} / ${spread(of(rounds, r => idle(r).p99Ms), 0)}`,
      spread(of(rounds, r => idle(r).serverCpuMsPerBroadcast), 1),
      String(rounds.reduce((sum, r) => sum + idle(r).lost, 0)),
    ].join(' | ')} |`)
  }
  return rows.join('\n')
}

/** The hub against its targets: ratios of medians, and the range of the same ratio taken round by round. */
export function targetsTable(results: Results): string {
  const median = (kind: ServerKind, pick: Pick) => of(results[kind], pick).median
  const perRound = (other: ServerKind, pick: Pick) => {
    const byRound = new Map(results[other].map(r => [r.round, pick(r)]))
    return summarize(results.hub.map(r => pick(r) / byRound.get(r.round)!))
  }
  const ratio = (other: ServerKind, pick: Pick) => {
    const rounds = perRound(other, pick)
    return `${(median('hub', pick) / median(other, pick)).toFixed(2)}× (per round ${rounds.min.toFixed(2)}–${rounds.max.toFixed(2)})`
  }
  const verdict = (met: boolean) => (met ? 'met' : '**not met**')
  const rows = ['| target | measured | verdict |', '|---|---|---|']
  const measured = results.hub[0]!
  for (const n of measured.delivery ? BENCH.subscriberCounts : []) {
    const throughput: Pick = r => delivery(r, n).throughput
    const p99: Pick = r => delivery(r, n).p99Ms
    rows.push(
      `| throughput @${n} ≥ 0.8× ws | ${ratio('ws', throughput)} | ${verdict(median('hub', throughput) >= 0.8 * median('ws', throughput))} |`,
      `| throughput @${n} ahead of socket.io | ${ratio('socket.io', throughput)} | ${verdict(median('hub', throughput) > median('socket.io', throughput))} |`,
      `| p99 @${n} ≤ 1.25× ws | ${ratio('ws', p99)} | ${verdict(median('hub', p99) <= 1.25 * median('ws', p99))} |`,
      `| p99 @${n} ahead of socket.io | ${ratio('socket.io', p99)} | ${verdict(median('hub', p99) < median('socket.io', p99))} |`,
    )
  }
  for (const n of measured.delivery ? BENCH.subscriberCounts : []) {
    const cpu: Pick = r => delivery(r, n).serverCpuUsPerMessage
    rows.push(
      `| server CPU per message @${n} ≤ 1.1× ws | ${ratio('ws', cpu)} | ${verdict(median('hub', cpu) <= 1.1 * median('ws', cpu))} |`,
      `| server CPU per message @${n} below socket.io | ${ratio('socket.io', cpu)} | ${verdict(median('hub', cpu) < median('socket.io', cpu))} |`,
    )
  }
  if (measured.idle) {
    const sideBySide = (pick: Pick, digits: number, unit: string, scale = 1) =>
      `${(median('hub', pick) / scale).toFixed(digits)} ${unit}; ws ${ratio('ws', pick)}, socket.io ${ratio('socket.io', pick)}`
    const kb: Pick = r => idle(r).bytesPerConnection
    rows.push(
      `| ≤ 30 KB per idle connection @${IDLE} | ${sideBySide(kb, 1, 'KB', 1024)} | ${verdict(median('hub', kb) / 1024 <= 30)} |`,
      `| broadcast to all @${IDLE}: send → last delivery | ${sideBySide(r => idle(r).toAllMs, 0, 'ms')} | measured (no target) |`,
      `| broadcast to all @${IDLE}: delivery p99 | ${sideBySide(r => idle(r).p99Ms, 0, 'ms')} | measured (no target) |`,
      `| broadcast to all @${IDLE}: server CPU per broadcast | ${sideBySide(r => idle(r).serverCpuMsPerBroadcast, 1, 'ms')} | measured (no target) |`,
    )
  }
  return rows.join('\n')
}
