import type { ServerResponse } from 'node:http'

/** Plain-text answers of the connection endpoints, with ASP.NET Core's status codes and texts. */
export function sendText(response: ServerResponse, status: number, body = '', headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain', ...headers })
  response.end(body)
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body)
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) })
  response.end(payload)
}

/** RFC 9457's media type, for the one refusal that says more than ASP.NET Core's plain texts. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

/** Long-polling answers must never be cached by anything between us and the client. */
export const NO_CACHE_HEADERS = {
  'Cache-Control': 'no-cache, no-store',
  'Pragma': 'no-cache',
  'Expires': 'Thu, 01 Jan 1970 00:00:00 GMT',
}
