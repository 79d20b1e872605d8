import { defineEventHandler, getRequestHeader, getRequestURL, setResponseHeaders, type H3Event } from 'h3'
import { useAppServices } from '../app/services'
import { invalidServiceToken, serviceCallOf } from '../bff/service-caller'
import { clientAddress } from '../http/client-address'
import { HttpProblem, problemTypes } from '../http/problem'
import type { RateLimitDecision } from '../rate-limit/rate-limiter'
import { crossSiteRefusal } from '../security/cross-site-check'
import { isReviewPath } from '../security/review-headers'
import { getCurrentUser } from '../utils/current-user'

/** The session echo nuxt-auth-utils serves to the app; every page render asks for it. */
const SESSION_ECHO = '/api/_auth/session'
const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i

// For every /api request: rate limiting per principal (with its headers on every answer, errors
// included), then refusal of cross-site mutations.
export default defineEventHandler(async (event) => {
  const path = event.path.split('?')[0]!
  if (path !== '/api' && !path.startsWith('/api/')) return
  const { config, rateLimiter } = await useAppServices()

  setResponseHeaders(event, { 'Cache-Control': 'no-store' })
  const serviceCall = await serviceCallOf(event)
  // Relayed by the web front, which spent its caller's budget and checked its origin. Counting it
  // again would spend a user's budget twice (with a shared Redis) and put every reviewer on the
  // web front's address.
  if (serviceCall !== null && serviceCall !== 'invalid') return adoptRelayedRequestId(event)
  const principal = serviceCall === 'invalid'
    ? `address:${clientAddress(event, config.trustProxy)}`
    : await rateLimitKey(event, config.trustProxy)
  // Reading the session echo is part of showing any page; it reports the budget without spending it.
  const decision = path === SESSION_ECHO && event.method === 'GET'
    ? await rateLimiter.inspect(principal)
    : await rateLimiter.consume(principal)
  setResponseHeaders(event, rateLimitHeaders(decision))
  if (!decision.allowed) {
    throw new HttpProblem(429, `Rate limit of ${decision.limit} requests per minute exceeded`, {
      type: problemTypes.rateLimited,
      headers: { 'Retry-After': String(decision.retryAfterSeconds) },
    })
  }
  if (serviceCall === 'invalid') throw invalidServiceToken()

  const refusal = crossSiteRefusal({
    method: event.method,
    origin: getRequestHeader(event, 'origin'),
    secFetchSite: getRequestHeader(event, 'sec-fetch-site'),
    hasCookie: getRequestHeader(event, 'cookie') !== undefined,
    hasAuthorization: getRequestHeader(event, 'authorization') !== undefined,
    ownOrigin: getRequestURL(event, { xForwardedHost: config.trustProxy, xForwardedProto: config.trustProxy }).origin,
  })
  if (refusal) throw new HttpProblem(403, refusal, { type: problemTypes.crossSite })
})

/**
 * A signed-in user is one principal whichever credential they use; anonymous callers are their
 * address. Reviewer calls always count against the address: the link's secret is anyone's to
 * invent, so keying on it would give a guesser a fresh budget per guess.
 */
async function rateLimitKey(event: H3Event, trustProxy: boolean): Promise<string> {
  const user = isReviewPath(event.path.split('?')[0]!) ? null : await getCurrentUser(event)
  return user ? `user:${user.id}` : `address:${clientAddress(event, trustProxy)}`
}

/** A relayed request keeps the web front's request id, so one id finds its log lines in both processes. */
function adoptRelayedRequestId(event: H3Event): void {
  const relayed = getRequestHeader(event, 'x-request-id')
  if (relayed && UUID.test(relayed)) event.context.requestId = relayed
}

function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': String(decision.remaining),
    'X-RateLimit-Reset': String(decision.resetAtSeconds),
  }
}
