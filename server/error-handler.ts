import { randomUUID } from 'node:crypto'
import { isError, send, setResponseHeaders, setResponseStatus, type H3Event } from 'h3'
import type { NitroErrorHandler } from 'nitropack/types'
import { errorToProblem } from './http/error-to-problem'
import { PROBLEM_CONTENT_TYPE } from './http/problem'
import { redactPath } from './http/redact-path'
import { logger } from './observability/logger'
import { describeError, printable } from './utils/describe-error'

/**
 * Answers every error under /api as RFC 7807 Problem Details, never with a stack trace. Errors
 * elsewhere fall through to Nuxt's error page. A server-side failure carries a correlation id, the
 * same in the answer and in the log line that describes it.
 */
const apiErrorHandler: NitroErrorHandler = (error, event) => {
  const fullPath = event.path.split('?')[0]!
  if (fullPath !== '/api' && !fullPath.startsWith('/api/')) return
  const path = redactPath(fullPath)
  const problem = errorToProblem(error)
  const body = problem.toProblem(path)
  if (problem.status >= 500) {
    const correlationId = randomUUID()
    logFailure(error, event, path, correlationId)
    Object.assign(body, { detail: `${body.detail} Reference: ${correlationId}.`, correlationId })
  }
  setResponseStatus(event, problem.status)
  setResponseHeaders(event, { 'Cache-Control': 'no-store', ...problem.options.headers })
  return send(event, JSON.stringify(body), PROBLEM_CONTENT_TYPE)
}

// The path only, redacted: a query string or a review link's path may carry a token. The one
// entry that holds the correlation id: whoever quotes it finds this line, and only this one.
function logFailure(error: unknown, event: H3Event, path: string, correlationId: string): void {
  const cause = isError(error) && error.cause !== undefined ? error.cause : error
  logger.error(
    { correlationId, requestId: event.context.requestId, method: event.method, path, error: describeError(cause) },
    `${event.method} ${printable(path)} failed (correlation id ${correlationId})`,
  )
}

export default apiErrorHandler
