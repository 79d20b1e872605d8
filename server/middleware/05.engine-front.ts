import { defineEventHandler, send, setResponseHeaders, setResponseStatus } from 'h3'
import { useAppServices } from '../app/services'
import { isEngineOwnedPath } from '../bff/engine-paths'
import { proxyToEngine, publicUrlOf } from '../bff/engine-proxy'
import { redirectNegotiate } from '../bff/hub-redirect'
import { HUB_PATH } from '../http/hub-url'
import { HttpProblem, PROBLEM_CONTENT_TYPE } from '../http/problem'
import { getCurrentUser } from '../utils/current-user'

// A web front (ENGINE_URL) hands campaign and review calls to the engine and sends hub clients
// there; it runs after the API guard and the body limit, so what it relays was counted and bounded.
export default defineEventHandler(async (event) => {
  const path = event.path.split('?')[0]!
  const hub = path === HUB_PATH || path.startsWith(`${HUB_PATH}/`)
  if (!hub && !isEngineOwnedPath(path)) return
  const { config, serviceTokens } = await useAppServices()
  const front = config.engineFront
  if (!front || !serviceTokens) return
  if (path === `${HUB_PATH}/negotiate`) return redirectNegotiate(event, front)
  if (hub) {
    setResponseStatus(event, 404)
    setResponseHeaders(event, { 'Cache-Control': 'no-store' })
    const problem = new HttpProblem(404, `The hub is served by the campaign service: negotiate at ${HUB_PATH}/negotiate, which redirects there.`)
    return send(event, JSON.stringify(problem.toProblem(path)), PROBLEM_CONTENT_TYPE)
  }
  return proxyToEngine(event, { front, serviceTokens, user: await getCurrentUser(event), publicUrl: publicUrlOf(event, config.trustProxy) })
})
