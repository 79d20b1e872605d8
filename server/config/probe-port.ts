/** The paths a probe port answers: everything else there is 404. */
export const PROBE_PATHS: ReadonlySet<string> = new Set(['/health', '/metrics'])

type Env = Record<string, string | undefined>

/** Where Nitro's Node server listens when neither NITRO_PORT nor PORT says (`npm start` sets PORT). */
const NITRO_DEFAULT_PORT = 3000

/**
 * PROBE_PORT: a second port that answers `GET /health` and `GET /metrics` only, for load balancers'
 * and orchestrators' probes and for scrapers. Unset: no such port. It must differ from the port the
 * pages are served on (NITRO_PORT, else PORT, else 3000, as Nitro reads them).
 */
export function readProbePort(env: Env = process.env): number | undefined {
  const text = env.PROBE_PORT?.trim()
  if (!text) return undefined
  const port = Number(text)
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`PROBE_PORT must be a port number from 1 to 65535, not "${env.PROBE_PORT}"`)
  const servingPort = Number(env.NITRO_PORT?.trim() || env.PORT?.trim() || NITRO_DEFAULT_PORT)
  if (port === servingPort) throw new Error(`PROBE_PORT must differ from the port the server answers on (${port})`)
  return port
}

/** Whether a request target (path and query) is one the probe port answers. */
export function isProbePath(target: string | undefined): boolean {
  const path = (target ?? '').split('?', 1)[0]!
  return PROBE_PATHS.has(path)
}
