import { randomUUID } from 'node:crypto'
import { logger } from '../observability/logger'
import { httpRequestDuration } from '../observability/metrics'
import { requestPath, routePattern } from '../observability/request-route'

declare module 'h3' {
  interface H3EventContext {
    /** Names the request in every log line about it. */
    requestId?: string
  }
}

/** Probes that arrive every few seconds: their lines only at debug level, so they do not drown the rest. */
const PROBES = new Set(['/health', '/metrics'])

/**
 * One log line and one duration sample per HTTP request, when its answer has gone out (or the
 * client went away). Only what names the request: method, route, redacted path, status, duration,
 * who asked. Never headers, cookies or the query string, which carry tokens.
 */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('request', (event) => {
    const startedAt = process.hrtime.bigint()
    const requestId = randomUUID()
    event.context.requestId = requestId
    const response = event.node.res
    response.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9
      const route = routePattern(event)
      const path = requestPath(event)
      const status = response.statusCode
      httpRequestDuration.observe({ method: event.method, route, status: String(status) }, seconds)
      const level = PROBES.has(path) ? 'debug' : 'info'
      logger[level]({
        // A request relayed by a web front carries that front's id instead (server/middleware/02.api-guard.ts).
        requestId: event.context.requestId ?? requestId,
        method: event.method,
        route,
        path,
        status,
        durationMs: Math.round(seconds * 10_000) / 10,
        userId: event.context.currentUser?.id,
        // The client hung up before the whole answer was sent.
        ...(!response.writableFinished && { incomplete: true }),
      }, 'request')
    })
  })
})
