import type { ServerRole } from '../config/server-role'

export type HealthState = 'Healthy' | 'Unhealthy'

export interface HealthReport {
  status: HealthState
  /** What this process does (ROLE): a load balancer sends pages and the hub to `all` and `web` only. */
  role: ServerRole
  checks: Record<string, HealthState>
}

/** A named dependency check: resolves when healthy, rejects otherwise. */
export type HealthCheck = () => Promise<void>

/**
 * A check that has not answered by then counts as Unhealthy, so `/health` always answers: a
 * dependency that accepts a connection and then says nothing (a stopped Redis, a database thread
 * stuck in a statement) would otherwise hold every probe until the prober gave up.
 */
export const HEALTH_CHECK_TIMEOUT_MS = 5_000

const checks = new Map<string, HealthCheck>()
let role: ServerRole = 'all'

export function setHealthRole(name: ServerRole): void {
  role = name
}

/** Dependencies (database, Redis …) register themselves when they are configured. */
export function registerHealthCheck(name: string, check: HealthCheck): void {
  checks.set(name, check)
}

/** The round of checks under way; every caller that asks meanwhile is given its answer. */
let current: Promise<HealthReport> | null = null

/**
 * Runs every check and reports. Callers that ask while a round is under way share it rather than
 * start their own: however often `/health` is asked, each dependency has at most one probe in
 * flight. A probe's connection answers one query at a time, so probes sent faster than it answers
 * would queue without bound; they would then time that queue, not the dependency, and anyone
 * could make an instance look unhealthy by asking often enough. A shared answer is at most one
 * probe old.
 */
export function collectHealth(): Promise<HealthReport> {
  current ??= runChecks().finally(() => {
    current = null
  })
  return current
}

/**
 * Each check's probe still unanswered. A round that gave up on one (HEALTH_CHECK_TIMEOUT_MS) leaves
 * it running; the next round waits for that same probe rather than send another behind it, so a
 * dependency that stopped answering is never sent a probe per round.
 */
const unanswered = new Map<string, Promise<void>>()

function probe(name: string, check: HealthCheck): Promise<void> {
  let running = unanswered.get(name)
  if (!running) {
    running = check().finally(() => unanswered.delete(name))
    unanswered.set(name, running)
  }
  return running
}

async function runChecks(): Promise<HealthReport> {
  const entries = await Promise.all(
    [...checks].map(async ([name, check]): Promise<[string, HealthState]> => {
      try {
        await answeredInTime(probe(name, check))
        return [name, 'Healthy']
      }
      catch {
        return [name, 'Unhealthy']
      }
    }),
  )
  const result: Record<string, HealthState> = { server: 'Healthy', ...Object.fromEntries(entries) }
  const status = Object.values(result).every(s => s === 'Healthy') ? 'Healthy' : 'Unhealthy'
  return { status, role, checks: result }
}

function answeredInTime(check: Promise<void>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('The check did not answer in time')), HEALTH_CHECK_TIMEOUT_MS)
  })
  return Promise.race([check, late]).finally(() => clearTimeout(timer))
}
