import { defineEventHandler, send, setResponseHeaders, setResponseStatus } from 'h3'
import { readServerRole } from '../config/server-role'
import { HttpProblem, PROBLEM_CONTENT_TYPE } from '../http/problem'
import { redactPath } from '../http/redact-path'

/** What a worker answers: it executes runs, and is watched and scraped, nothing more. */
const WORKER_PATHS = new Set(['/health', '/metrics'])

// A worker (ROLE=worker) serves no pages, REST or hub: those belong to the web processes, so a
// request routed to a worker by mistake gets a plain 404 rather than half an application.
export default defineEventHandler((event) => {
  if (readServerRole() !== 'worker') return
  const path = event.path.split('?')[0]!
  if (WORKER_PATHS.has(path)) return
  setResponseStatus(event, 404)
  setResponseHeaders(event, { 'Cache-Control': 'no-store' })
  const problem = new HttpProblem(404, 'This is a worker process (ROLE=worker): it executes campaign runs and answers /health and /metrics only.')
  return send(event, JSON.stringify(problem.toProblem(redactPath(path))), PROBLEM_CONTENT_TYPE)
})
