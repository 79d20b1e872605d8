/**
 * Cross-origin access to the engine's hub, for the pages of a web front (WEB_ORIGIN): the official
 * client negotiates and, for Server-Sent Events and long polling, sends with `fetch` and
 * `EventSource` from the web front's pages, credentials mode "include" (its default). Only listed
 * origins get an answer a browser lets the page read; the hub still wants its bearer token.
 */
const ALLOWED_METHODS = 'GET, POST, DELETE, OPTIONS'
/** What the official JavaScript client sends: the token, its JSON body, and two markers of its own. */
const ALLOWED_HEADERS = 'Authorization, Content-Type, X-Requested-With, X-SignalR-User-Agent'
/** Browsers cache a preflight for at most 10 minutes (Chromium's cap): asking for more buys nothing. */
const PREFLIGHT_MAX_AGE_SECONDS = 600

/** The headers for a request from `origin`; null when it is not one of `allowed`. */
export function hubCorsHeaders(origin: string | undefined, allowed: readonly string[], preflight: boolean): Record<string, string> | null {
  if (!origin || !allowed.includes(origin)) return null
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Vary': 'Origin',
    ...(preflight && {
      'Access-Control-Allow-Methods': ALLOWED_METHODS,
      'Access-Control-Allow-Headers': ALLOWED_HEADERS,
      'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
    }),
  }
}
