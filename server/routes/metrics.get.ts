import { timingSafeEqual, createHash } from 'node:crypto'
import { getRequestHeader, send, type H3Event } from 'h3'
import { loadAppConfig } from '../config/app-config'
import { HttpProblem, PROBLEM_CONTENT_TYPE } from '../http/problem'
import { metricsRegistry } from '../observability/metrics'

const metricsToken = loadAppConfig().metricsToken

/**
 * Prometheus scrape endpoint. Off (404, like any unknown path) unless METRICS_TOKEN is set;
 * then only a scraper that sends it as a bearer token reads it.
 */
export default defineEventHandler(async (event) => {
  if (!metricsToken) throw createError({ statusCode: 404, statusMessage: 'Not Found' })
  if (!bearerMatches(event, metricsToken)) {
    // Written here: the error handler answers Problem Details under /api only.
    const problem = new HttpProblem(401, 'GET /metrics needs METRICS_TOKEN as a bearer token')
    setResponseStatus(event, 401)
    setHeaders(event, { 'WWW-Authenticate': 'Bearer', 'Cache-Control': 'no-store' })
    return send(event, JSON.stringify(problem.toProblem('/metrics')), PROBLEM_CONTENT_TYPE)
  }
  setHeader(event, 'Content-Type', metricsRegistry.contentType)
  setHeader(event, 'Cache-Control', 'no-store')
  return metricsRegistry.metrics()
})

function bearerMatches(event: H3Event, expected: string): boolean {
  const match = /^Bearer (.+)$/i.exec(getRequestHeader(event, 'authorization') ?? '')
  if (!match) return false
  // Hashed first so the comparison takes the same time whatever the lengths.
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(match[1]!.trim()), digest(expected))
}
