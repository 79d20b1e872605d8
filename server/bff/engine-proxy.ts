import { createError, getRequestURL, readRawBody, sendProxy, type H3Event } from 'h3'
import type { EngineFrontConfig } from '../config/bff-config'
import { HttpProblem } from '../http/problem'
import type { ServiceTokenIssuer } from '../tokens/service-token'
import type { CurrentUser } from '../utils/current-user'

/** A call the engine has not answered within this is answered 504; runs go on in the background. */
const ENGINE_TIMEOUT_MS = 30_000
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/**
 * The request headers the engine gets from the caller's: what describes the body and the answer
 * wanted. Everything else stays here, the cookie and any Authorization above all.
 */
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language', 'content-type', 'if-none-match', 'if-modified-since', 'user-agent']
/** The engine's answer headers that describe one hop, or would set state in the browser. */
const DROPPED_RESPONSE_HEADERS = [
  'set-cookie', 'connection', 'keep-alive', 'transfer-encoding', 'proxy-authenticate', 'proxy-connection', 'te', 'trailer', 'upgrade',
]

export interface EngineCall {
  front: EngineFrontConfig
  serviceTokens: ServiceTokenIssuer
  /** The signed-in caller, or null (a reviewer, or someone the engine will answer 401). */
  user: CurrentUser | null
  /** The caller's origin as they reached this server: the engine names the hub with it. */
  publicUrl: URL
}

/**
 * Relays the request to the engine with a fresh service token in place of the caller's
 * credentials, and its answer back: status, Problem Details and all. A failure to reach the engine
 * becomes a 503 (or 504) whose details go to the log under a correlation id.
 */
export async function proxyToEngine(event: H3Event, call: EngineCall): Promise<void> {
  const token = await call.serviceTokens.issue(call.user && { userId: call.user.id, credential: call.user.credential })
  const headers: Record<string, string> = {
    'authorization': `Bearer ${token}`,
    'x-forwarded-host': call.publicUrl.host,
    'x-forwarded-proto': call.publicUrl.protocol.slice(0, -1),
  }
  if (event.context.requestId) headers['x-request-id'] = event.context.requestId
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = event.node.req.headers[name]
    if (typeof value === 'string') headers[name] = value
  }
  // Already held to MAX_REQUEST_BODY_BYTES by the body limit, which ran first.
  const raw = METHODS_WITH_BODY.has(event.method) ? await readRawBody(event, false) : undefined
  const body = raw && new Uint8Array(raw)
  // The path as received, after the origin: it starts with /api/, so it cannot name another host.
  const target = `${call.front.engineOrigin}${event.path}`
  try {
    await sendProxy(event, target, {
      fetchOptions: { method: event.method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(ENGINE_TIMEOUT_MS) },
      onResponse: (proxied) => {
        for (const name of DROPPED_RESPONSE_HEADERS) proxied.node.res.removeHeader(name)
      },
    })
  }
  catch (error) {
    // Mid-answer there is nothing left to say to the client: end the connection, log through h3.
    if (event.node.res.headersSent) throw error
    const problem = engineUnavailable(error)
    // h3 keeps a thrown error's own cause as the cause it reports: wrapped, the error handler gets
    // the answer to give, and the log the whole chain down to the failed connection.
    throw createError({ statusCode: problem.status, cause: problem })
  }
}

/** The caller's view of this server's origin (forwarded headers only behind a trusted proxy). */
export function publicUrlOf(event: H3Event, trustProxy: boolean): URL {
  return getRequestURL(event, { xForwardedHost: trustProxy, xForwardedProto: trustProxy })
}

function engineUnavailable(error: unknown): HttpProblem {
  const cause = (error as { cause?: unknown }).cause ?? error
  const timedOut = (cause as { name?: string } | null)?.name === 'TimeoutError'
  const problem = timedOut
    ? new HttpProblem(504, 'The campaign service did not answer in time. Try again shortly.')
    : new HttpProblem(503, 'The campaign service is unavailable. Try again shortly.', { headers: { 'Retry-After': '5' } })
  return Object.assign(problem, { cause })
}
