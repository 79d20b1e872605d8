import type { AcceptQueue } from './accept-queue'
import type { ServerHealthDurations } from './health-durations'
import type { LatencyFigures, ScenarioFigures } from './scenario'

/** The middle value (the mean of the two middle ones for an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

function medianLatency(rounds: LatencyFigures[]): LatencyFigures {
  return {
    samples: sum(rounds.map(round => round.samples)),
    errors: sum(rounds.map(round => round.errors)),
    p50Ms: median(rounds.map(round => round.p50Ms)),
    p95Ms: median(rounds.map(round => round.p95Ms)),
    p99Ms: median(rounds.map(round => round.p99Ms)),
  }
}

/** Each field the median of its rounds' values (event-loop delays, thread times). */
function medianOfEach<Figures extends Record<keyof Figures, number>>(rounds: Figures[]): Figures {
  const combined = { ...rounds[0]! }
  for (const field of Object.keys(combined) as Array<keyof Figures>) combined[field] = median(rounds.map(round => round[field])) as Figures[keyof Figures]
  return combined
}

function medianAcceptQueue(rounds: AcceptQueue[]): AcceptQueue {
  const known = rounds.flatMap(round => (round.max === null ? [] : [round.max]))
  return { max: known.length > 0 ? median(known) : null, nonEmptyMs: median(rounds.map(round => round.nonEmptyMs)) }
}

/** The rounds' `/health` as the server timed it: every request counted, the slowest round's bound kept. */
function slowestServerHealth(rounds: ServerHealthDurations[]): ServerHealthDurations {
  const bounds = rounds.flatMap(round => (round.p99AtMostMs === null ? [] : [round.p99AtMostMs]))
  return { requests: sum(rounds.map(round => round.requests)), p99AtMostMs: bounds.length > 0 ? Math.max(...bounds) : null }
}

/**
 * One scenario's rounds as one row: each figure the median of its rounds, so one noisy round on a
 * shared machine does not decide a comparison. Delivery is held to every round: the row counts the
 * fewest campaigns completed and the most events out of order. Latency samples are counted over
 * all rounds; CPU profiles are the first round's.
 */
export function combineRounds(rounds: ScenarioFigures[]): ScenarioFigures {
  const [first] = rounds
  if (!first) throw new Error('No rounds to combine')
  const pick = (figure: (round: ScenarioFigures) => number) => median(rounds.map(figure))
  return {
    ...first,
    rounds: rounds.length,
    completed: Math.min(...rounds.map(round => round.completed)),
    wallSeconds: pick(round => round.wallSeconds),
    runsPerSecond: pick(round => round.runsPerSecond),
    p50GenerateToCompletedMs: pick(round => round.p50GenerateToCompletedMs),
    p95GenerateToCompletedMs: pick(round => round.p95GenerateToCompletedMs),
    eventsDelivered: pick(round => round.eventsDelivered),
    eventsPerSecond: pick(round => round.eventsPerSecond),
    eventsOutOfOrder: Math.max(...rounds.map(round => round.eventsOutOfOrder)),
    rest: medianLatency(rounds.map(round => round.rest)),
    health: medianLatency(rounds.map(round => round.health)),
    serverHealth: slowestServerHealth(rounds.map(round => round.serverHealth)),
    probeHealth: first.probeHealth ? medianLatency(rounds.map(round => round.probeHealth!)) : null,
    bareProbe: first.bareProbe ? medianLatency(rounds.map(round => round.bareProbe!)) : null,
    bareEventLoop: first.bareEventLoop ? medianOfEach(rounds.map(round => round.bareEventLoop!)) : null,
    eventLoop: medianOfEach(rounds.map(round => round.eventLoop)),
    acceptQueue: medianAcceptQueue(rounds.map(round => round.acceptQueue)),
    threadTimes: first.threadTimes ? medianOfEach(rounds.map(round => round.threadTimes!)) : null,
    benchCpuMs: pick(round => round.benchCpuMs),
    databaseCpuMs: first.databaseCpuMs === null ? null : pick(round => round.databaseCpuMs!),
    statements: first.statements ? medianOfEach(rounds.map(round => round.statements!)) : null,
    profiles: first.profiles,
  }
}
