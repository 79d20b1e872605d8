import { LoopTurns } from '../engine/orchestrator/loop-turns'
import { HUB_PATH } from './hub-url'

/**
 * How long one turn of the event loop may spend starting requests before the rest start in a later
 * turn. A hundred requests arriving together (a burst of launches, many dashboards reloading) would
 * otherwise all be handled in one turn, up to their first wait, while timers, health probes, hub
 * messages and runs' steps waited for all of them. Runs have a budget of their own (loop-turns.ts).
 * Twice the runs' budget: half a millisecond made REST reads on PostgreSQL slower in the benchmark
 * (each waited more turns behind the runs' steps) and 1 ms did not.
 */
export const REQUEST_TURN_BUDGET_MS = 1

/** Answered in the turn they arrive: probes and scrapes, and the hub's transports (its own flow control). */
const UNBUDGETED_PATHS = new Set(['/health', '/metrics'])

/** Whether a request to `path` waits for its share of the event loop before it is handled. */
export function sharesRequestTurns(path: string): boolean {
  if (UNBUDGETED_PATHS.has(path)) return false
  return path !== HUB_PATH && !path.startsWith(`${HUB_PATH}/`)
}

/** The process's one event loop, shared by every request it handles. */
export const requestTurns = new LoopTurns(REQUEST_TURN_BUDGET_MS)
