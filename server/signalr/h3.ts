import { defineEventHandler } from 'h3'
import type { HubEndpoint } from './endpoint'

/**
 * h3 handlers for a hub: mount `transports` at the hub's path (it serves the WebSocket
 * upgrade and the HTTP transports) and `negotiate` at `{path}/negotiate`.
 */
export function defineHubHandlers(endpoint: HubEndpoint) {
  return {
    transports: defineEventHandler({
      handler: event => endpoint.handleRequest(event.node.req, event.node.res),
      websocket: endpoint.websocket,
    }),
    negotiate: defineEventHandler(event => endpoint.negotiate(event.node.req, event.node.res)),
  }
}
