import type { H3Event } from 'h3'
import { useAppServices } from '../app/services'
import type { EngineFrontConfig } from '../config/bff-config'
import { clientAddress } from '../http/client-address'
import { extractAccessToken } from '../signalr/auth'
import { sendJson, sendText } from '../signalr/http-responses'
import { authenticateHubToken } from '../utils/hub-auth'

/**
 * A web front's `POST /hubs/campaign/negotiate`: SignalR's redirect (`{ url, accessToken }`), which
 * the official clients follow by negotiating again at `url` with `accessToken`. The caller proves
 * who it is as it would to the hub itself (a hub token or a personal access token); the engine's
 * hub gets a fresh hub token, so a personal access token never leaves this server.
 */
export async function redirectNegotiate(event: H3Event, front: EngineFrontConfig): Promise<void> {
  const { req: request, res: response } = event.node
  if (request.method !== 'POST') return sendText(response, 405)
  const token = extractAccessToken(request.headers, new URL(request.url ?? '/', 'http://front').searchParams)
  const principal = await authenticateHubToken(token)
  if (!principal) return sendText(response, 401, '', { 'WWW-Authenticate': 'Bearer' })

  // Each redirect mints a token: it spends from the caller's API budget, as POST /api/hub/token does.
  const { config, rateLimiter, hubTokens } = await useAppServices()
  const review = principal.via === 'review-link'
  const decision = await rateLimiter.consume(review ? `address:${clientAddress(event, config.trustProxy)}` : `user:${principal.userId}`)
  if (!decision.allowed) {
    return sendText(response, 429, `Rate limit of ${decision.limit} requests per minute exceeded`, { 'Retry-After': String(decision.retryAfterSeconds) })
  }
  // A review token is already scoped to its link and short-lived: it goes on as it is.
  const accessToken = principal.via === 'review-link'
    ? token!
    : (await hubTokens.issue({ userId: principal.userId, name: principal.name, credential: principal.credential })).accessToken
  sendJson(response, 200, { url: front.engineHubUrl, accessToken })
}
