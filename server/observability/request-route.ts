import type { H3Event } from 'h3'
import { redactPath } from '../http/redact-path'

/**
 * The route pattern that served a request (`/api/campaigns/:id`): a metrics label that stays
 * bounded however many campaigns there are. Static assets and unrouted paths share one each.
 */
export function routePattern(event: H3Event): string {
  const matched = (event.context.matchedRoute as { path?: string } | undefined)?.path
  if (matched) return matched
  return requestPath(event).startsWith('/_nuxt/') ? '/_nuxt/**' : 'unmatched'
}

/** The path without its query string, a review link's secret replaced: fit for a log line. */
export function requestPath(event: H3Event): string {
  return redactPath(event.path.split('?')[0]!)
}
