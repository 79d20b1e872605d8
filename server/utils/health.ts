export type HealthState = 'Healthy' | 'Unhealthy'

export interface HealthReport {
  status: HealthState
  checks: Record<string, HealthState>
}

/** A named dependency check: resolves when healthy, rejects otherwise. */
export type HealthCheck = () => Promise<void>

const checks = new Map<string, HealthCheck>()

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
  return { status, checks: result }
}
