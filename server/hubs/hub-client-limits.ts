import { readServerRole } from '../config/server-role'
import { useAppServices } from '../app/services'
import { HubError, type ConnectionRefusal, type HubFilter, type Principal } from '../signalr'

/**
 * What one hub client may ask of the server. Each user, and each review link, is one principal:
 * opening more connections does not buy a bigger budget.
 */

/** Method calls per minute per principal; past it a call fails with a hub error and does no work. */
export const invocationRateLimit: HubFilter = {
  async invokeMethod({ context }, next) {
    const { hubInvocationLimiter } = await useAppServices()
    const decision = await hubInvocationLimiter.consume(`hub-calls:${context.userId}`)
    if (!decision.allowed) {
      throw new HubError(`Too many hub calls: at most ${decision.limit} a minute. Try again in ${decision.retryAfterSeconds} s.`)
    }
    return next()
  },
}

/** A cap on open connections and a budget of new ones per minute, per principal. */
export async function admitHubConnection(principal: Principal, openConnections: number): Promise<ConnectionRefusal | null> {
  // Negotiation never reaches a worker (server/middleware/00.worker-role.ts); a WebSocket without it would.
  if (readServerRole() === 'worker') return { status: 404, message: 'This is a worker process (ROLE=worker): connect to a web process.' }
  const { config, hubConnectLimiter } = await useAppServices()
  // Nor a web front's (ENGINE_URL): its negotiate redirects to the engine's hub.
  if (config.engineFront) return { status: 404, message: 'The hub is served by the campaign service: negotiate to be redirected there.' }
  if (openConnections >= config.hubConnectionsPerPrincipal) {
    return { status: 429, message: `Too many open hub connections: at most ${config.hubConnectionsPerPrincipal}. Close one and try again.` }
  }
  const decision = await hubConnectLimiter.consume(`hub-connects:${principal.userId}`)
  if (decision.allowed) return null
  return {
    status: 429,
    message: `Too many hub connections started: at most ${decision.limit} a minute. Try again in ${decision.retryAfterSeconds} s.`,
    retryAfterSeconds: decision.retryAfterSeconds,
  }
}
