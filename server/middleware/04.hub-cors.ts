import { defineEventHandler, getRequestHeader, setResponseHeaders, setResponseStatus } from 'h3'
import { useAppServices } from '../app/services'
import { hubCorsHeaders } from '../bff/hub-cors'
import { HUB_PATH } from '../http/hub-url'

// An engine behind a web front (WEB_ORIGIN) answers that front's pages across origins on the hub's
// paths only: pages, REST and everything else stay same-origin.
export default defineEventHandler(async (event) => {
  const path = event.path.split('?')[0]!
  if (path !== HUB_PATH && !path.startsWith(`${HUB_PATH}/`)) return
  const { config } = await useAppServices()
  const allowed = config.engineService.webOrigins
  if (allowed.length === 0 || config.engineFront) return
  const preflight = event.method === 'OPTIONS'
  const headers = hubCorsHeaders(getRequestHeader(event, 'origin'), allowed, preflight)
  if (!headers) return
  setResponseHeaders(event, headers)
  if (!preflight) return
  setResponseStatus(event, 204)
  return ''
})
