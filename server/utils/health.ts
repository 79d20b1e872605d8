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

const checks = new Map<string, HealthCheck>()
let role: ServerRole = 'all'

export function setHealthRole(name: ServerRole): void {
  role = name
}

/** Dependencies (database, Redis …) register themselves when they are configured. */
export function registerHealthCheck(name: string, check: HealthCheck): void {
  checks.set(name, check)
}

export async function collectHealth(): Promise<HealthReport> {
  const entries = await Promise.all(
    [...checks].map(async ([name, check]): Promise<[string, HealthState]> => {
      try {
        await check()
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
