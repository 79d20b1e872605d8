import type { IncomingHttpHeaders } from 'node:http'
import type { Principal } from './connection/hub-connection'

/**
 * Resolves the bearer token a client presented to the principal it stands for, or null
 * when it is missing, expired, revoked or forged. The hub never sees the token itself.
 */
export type Authenticator = (token: string | undefined) => Promise<Principal | null>

/**
 * SignalR clients send the token as `Authorization: Bearer …` where they can set headers
 * (negotiate, long polling, the Node client's WebSockets) and as the `access_token` query
 * parameter where browsers cannot (WebSockets, Server-Sent Events).
 */
export function extractAccessToken(headers: IncomingHttpHeaders | Headers, query: URLSearchParams): string | undefined {
  const authorization = headers instanceof Headers ? headers.get('authorization') : headers.authorization
  const match = authorization?.match(/^Bearer\s+(\S+)\s*$/i)
  if (match) return match[1]
  return query.get('access_token') ?? undefined
}
