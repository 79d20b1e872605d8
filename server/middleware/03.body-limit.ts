import { defineEventHandler } from 'h3'
import { useAppServices } from '../app/services'
import { bodyTooLarge, declaredLength, discardAllowance, discardBody, readBodyWithin } from '../http/bounded-body'
import { HUB_PATH } from '../http/hub-url'

const METHODS_WITHOUT_BODY = new Set(['GET', 'HEAD', 'OPTIONS'])

// Every request body is held to MAX_REQUEST_BODY_BYTES before any route reads it. Runs after the
// API guard, so a rate-limited or cross-site request is refused before its body is read. The hub's
// sends are left to the hub, which counts them against its own, smaller, limit as they stream.
export default defineEventHandler(async (event) => {
  if (METHODS_WITHOUT_BODY.has(event.method)) return
  const path = event.path.split('?')[0]!
  if (path === HUB_PATH || path.startsWith(`${HUB_PATH}/`)) return
  const { config } = await useAppServices()
  const limit = config.maxRequestBodyBytes
  const request = event.node.req
  const length = declaredLength(request)
  if (length !== undefined) {
    // Node stops a body at its declared length, so a length within the limit needs no counting.
    if (length <= limit) return
    // A sender still writing reads the 413 only if the connection stays open until it is done.
    const drained = length <= discardAllowance(limit) && await discardBody(request, limit)
    throw bodyTooLarge(limit, !drained)
  }
  if (request.headers['transfer-encoding'] !== undefined) await readBodyWithin(request, limit)
})
