import { tokenFor } from './test-server'

/** `Authorization: Bearer` for a user the test server accepts. */
export function bearer(user = 'alice'): Record<string, string> {
  return { Authorization: `Bearer ${tokenFor(user)}` }
}

export interface NegotiateResponse {
  negotiateVersion: number
  connectionId: string
  connectionToken?: string
  useStatefulReconnect?: boolean
  availableTransports: Array<{ transport: string, transferFormats: string[] }>
  error?: string
}

/** `POST {hub}/negotiate?{query}`; the raw response, for tests of the response itself. */
export function negotiateRaw(hubUrl: string, query = 'negotiateVersion=1', init: RequestInit = {}): Promise<Response> {
  return fetch(`${hubUrl}/negotiate?${query}`, { method: 'POST', headers: bearer(), ...init })
}

/** Negotiates (version 1 unless the query says otherwise) and returns the id that transports take. */
export async function negotiateId(hubUrl: string, options: { query?: string, user?: string } = {}): Promise<string> {
  const response = await negotiateRaw(hubUrl, options.query, { headers: bearer(options.user) })
  const body = await response.json() as NegotiateResponse
  if (!body.connectionId) throw new Error(`Negotiate failed: ${JSON.stringify(body)}`)
  return body.connectionToken ?? body.connectionId
}

export function connectionUrl(hubUrl: string, id: string): string {
  return `${hubUrl}?id=${encodeURIComponent(id)}`
}

/** A request on the connection's URL with the user's token, as the official client sends it. */
export function request(hubUrl: string, id: string | null, init: RequestInit & { user?: string } = {}): Promise<Response> {
  const { user, headers, ...rest } = init
  const url = id === null ? hubUrl : connectionUrl(hubUrl, id)
  return fetch(url, { ...rest, headers: { ...bearer(user), ...(headers as Record<string, string> | undefined) } })
}

/** A long poll (a GET without `Accept: text/event-stream`). */
export function poll(hubUrl: string, id: string, init: RequestInit & { user?: string } = {}): Promise<Response> {
  return request(hubUrl, id, { method: 'GET', ...init })
}

/** A client → server send on the HTTP transports. */
export function post(hubUrl: string, id: string, body: string | Uint8Array<ArrayBuffer>, init: RequestInit & { user?: string } = {}): Promise<Response> {
  return request(hubUrl, id, { method: 'POST', body, ...init })
}

/** Reads a response's body and checks its status and plain-text content in one step. */
export async function statusAndText(response: Response | Promise<Response>): Promise<{ status: number, text: string, contentType: string | null }> {
  const resolved = await response
  return { status: resolved.status, text: await resolved.text(), contentType: resolved.headers.get('content-type') }
}

/**
 * A long-polling connection taken through its first poll and the handshake, as the
 * official client does it; returns the id for further polls and sends.
 */
export async function openLongPolling(hubUrl: string, handshake: string, user = 'alice'): Promise<string> {
  const id = await negotiateId(hubUrl, { user })
  const first = await poll(hubUrl, id, { user })
  if (first.status !== 200) throw new Error(`First poll answered ${first.status}`)
  await first.arrayBuffer()
  const sent = await post(hubUrl, id, handshake, { user })
  if (sent.status !== 200) throw new Error(`Handshake POST answered ${sent.status}`)
  const answer = await (await poll(hubUrl, id, { user })).text()
  if (answer !== '{}\u001e') throw new Error(`Handshake answered ${JSON.stringify(answer)}`)
  return id
}
