import { AVAILABLE_TRANSPORTS } from './transports'

/** Highest negotiate version this server speaks; clients asking for more get this one. */
export const NEGOTIATE_VERSION = 1

export type NegotiateRequest
  = | { ok: true, version: number, statefulReconnect: boolean }
    | { ok: false, error: string }

/** Reads negotiate's query (keys are case-insensitive, as ASP.NET Core reads them). */
export function readNegotiateRequest(query: URLSearchParams, allowStatefulReconnects: boolean): NegotiateRequest {
  const lookup = (key: string) => {
    const values = [...query].filter(([name]) => name.toLowerCase() === key).map(([, value]) => value)
    return values.length === 0 ? undefined : values.join(',')
  }
  const requested = lookup('negotiateversion')
  let version = 0
  if (requested !== undefined) {
    if (!/^\s*[+-]?\d+\s*$/.test(requested)) return { ok: false, error: 'The client requested a non-integer protocol version.' }
    version = Number.parseInt(requested, 10)
    if (version < 0) return { ok: false, error: `The client requested version '${version}', but the server does not support this version.` }
    version = Math.min(version, NEGOTIATE_VERSION)
  }
  const statefulReconnect = allowStatefulReconnects && lookup('usestatefulreconnect')?.trim().toLowerCase() === 'true'
  return { ok: true, version, statefulReconnect }
}

export function negotiateResponse(connection: { connectionId: string, connectionToken: string }, version: number, statefulReconnect: boolean) {
  return {
    ...(statefulReconnect && { useStatefulReconnect: true }),
    negotiateVersion: version,
    connectionId: connection.connectionId,
    ...(version > 0 && { connectionToken: connection.connectionToken }),
    availableTransports: AVAILABLE_TRANSPORTS,
  }
}
