import { send, setResponseHeaders, setResponseStatus, type H3Event } from 'h3'
import type { NitroErrorHandler } from 'nitropack/types'
import { errorToProblem } from './http/error-to-problem'
import { PROBLEM_CONTENT_TYPE } from './http/problem'
import { redactPath } from './http/redact-path'

/**
 * Answers every error under /api as RFC 7807 Problem Details, never with a stack trace. Errors
 * elsewhere fall through to Nuxt's error page.
 */
const apiErrorHandler: NitroErrorHandler = (error, event) => {
  const fullPath = event.path.split('?')[0]!
  if (fullPath !== '/api' && !fullPath.startsWith('/api/')) return
  const path = redactPath(fullPath)
  const problem = errorToProblem(error)
  if (problem.status >= 500) logUnexpected(error, event, path)
  setResponseStatus(event, problem.status)
  setResponseHeaders(event, { 'Cache-Control': 'no-store', ...problem.options.headers })
  return send(event, JSON.stringify(problem.toProblem(path)), PROBLEM_CONTENT_TYPE)
}

// The path only, redacted: a query string or a review link's path may carry a token.
function logUnexpected(error: unknown, event: H3Event, path: string): void {
  const cause = (error as { cause?: unknown }).cause ?? error
  console.error(`${event.method} ${path} failed:`, cause)
}

export default apiErrorHandler
