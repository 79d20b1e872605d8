import { summarize, type Summary } from '../hub/stats'
import { CLUSTER_KINDS, type ClusterKind } from './config'
import type { RunsFigures } from './runs-scenario'
import type { ClusterFigures } from './scenario'

export type ClusterResults = Record<ClusterKind, Array<ClusterFigures & { round: number }>>

function spread(summary: Summary, digits: number, scale = 1): string {
  const f = (value: number) => (value / scale).toFixed(digits)
  return `${f(summary.median)} (${f(summary.min)}–${f(summary.max)})`
}

/** The figures, one row per server kind, then the hub against socket.io: ratios of medians and per round. */
export function clusterTables(results: ClusterResults): string {
  const of = (kind: ClusterKind, pick: (figures: ClusterFigures) => number) => summarize(results[kind].map(pick))
  const rows = ['| server | k msgs/s | p50 ms | p99 ms | lost msgs |', '|---|---|---|---|---|']
  for (const kind of CLUSTER_KINDS) {
    rows.push(`| ${kind} | ${spread(of(kind, f => f.throughput), 1, 1000)} | ${spread(of(kind, f => f.p50Ms), 1)} | ${spread(of(kind, f => f.p99Ms), 1)} | ${results[kind].reduce((sum, f) => sum + f.lost, 0)} |`)
  }
  const perRound = (pick: (figures: ClusterFigures) => number) => {
    const other = new Map(results['socket.io'].map(f => [f.round, pick(f)]))
    return summarize(results.hub.map(f => pick(f) / other.get(f.round)!))
  }
  const ratio = (pick: (figures: ClusterFigures) => number) => {
    const rounds = perRound(pick)
    return `${(of('hub', pick).median / of('socket.io', pick).median).toFixed(2)}× (per round ${rounds.min.toFixed(2)}–${rounds.max.toFixed(2)})`
  }
  const verdict = (met: boolean) => (met ? 'met' : '**not met**')
  const throughput = (f: ClusterFigures) => f.throughput
  const p99 = (f: ClusterFigures) => f.p99Ms
  const targets = [
    '| target | hub ÷ socket.io | verdict |',
    '|---|---|---|',
    `| throughput ahead of the socket.io Redis adapter | ${ratio(throughput)} | ${verdict(of('hub', throughput).median > of('socket.io', throughput).median)} |`,
    `| p99 ahead of the socket.io Redis adapter | ${ratio(p99)} | ${verdict(of('hub', p99).median < of('socket.io', p99).median)} |`,
  ]
  return `${rows.join('\n')}\n\n${targets.join('\n')}`
}

/** Campaign runs/s per number of workers, median (min–max) over the rounds, and 3 workers against 1. */
export function runsTable(results: Array<RunsFigures & { round: number }>): string {
  const counts = [...new Set(results.map(figures => figures.workers))]
  const rows = ['| workers | campaigns | runs/s | wall s | completed |', '|---|---|---|---|---|']
  for (const workers of counts) {
    const of = results.filter(figures => figures.workers === workers)
    rows.push(`| ${workers} | ${of[0]!.campaigns} | ${spread(summarize(of.map(f => f.runsPerSecond)), 2)} | ${spread(summarize(of.map(f => f.wallSeconds)), 1)} | ${of.reduce((sum, f) => sum + f.completed, 0)} of ${of.reduce((sum, f) => sum + f.campaigns, 0)} |`)
  }
  const [fewest, most] = [counts[0]!, counts.at(-1)!]
  const median = (workers: number) => summarize(results.filter(f => f.workers === workers).map(f => f.runsPerSecond)).median
  return `${rows.join('\n')}\n\n${most} workers ÷ ${fewest}: ${(median(most) / median(fewest)).toFixed(2)}×`
}
