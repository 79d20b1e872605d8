type Env = Record<string, string | undefined>

export const SERVER_ROLES = ['all', 'web', 'worker'] as const

/**
 * What this process does. `all` (the default): everything, as one process. `web`: pages, REST and
 * the hub, executing no runs. `worker`: executes runs and answers /health and /metrics only.
 */
export type ServerRole = typeof SERVER_ROLES[number]

/**
 * Reads ROLE. A split deployment shares its runs through PostgreSQL and its hub through Redis, so
 * `web` and `worker` refuse to start without either: a worker's events would reach no browser.
 */
export function readServerRole(env: Env = process.env): ServerRole {
  const text = env.ROLE?.trim().toLowerCase() || 'all'
  const role = SERVER_ROLES.find(candidate => candidate === text)
  if (!role) throw new Error(`ROLE must be one of ${SERVER_ROLES.join(', ')}, not "${env.ROLE}"`)
  if (role === 'all') return role
  for (const needed of ['DATABASE_URL', 'REDIS_URL']) {
    if (!env[needed]?.trim()) {
      throw new Error(`ROLE=${role} needs ${needed}: ${needed === 'DATABASE_URL'
        ? 'the web and worker processes share their campaigns and runs through PostgreSQL'
        : 'a worker\'s hub events reach the web processes\' connections through Redis'}`)
    }
  }
  return role
}
