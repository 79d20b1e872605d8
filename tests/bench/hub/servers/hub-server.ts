import { createServer } from 'node:http'
import { createApp, toNodeListener } from 'h3'
import wsAdapter from 'crossws/adapters/node'
import { defineHubHandlers, HubEndpoint } from '../../../../server/signalr'
import { BENCH } from '../config'
import { benchHub } from '../bench-hub'
import { listenOnLoopback, serveCommands } from './broadcast-server'

/**
 * Our SignalR hub, mounted like the test server and Nitro do: h3 handlers, crossws's node
 * adapter. Every token is accepted and names its own user, so users are indexed as in production.
 */
const endpoint = new HubEndpoint(benchHub, {
  authenticate: async token => token ? { userId: token } : null,
})
const handlers = defineHubHandlers(endpoint)
const app = createApp()
app.use('/hubs/bench/negotiate', handlers.negotiate)
app.use('/hubs/bench', handlers.transports)
const websockets = wsAdapter({ ...app.websocket })
const http = createServer(toNodeListener(app))
http.on('upgrade', websockets.handleUpgrade)

function wsSocketOf(peer: object): { bufferedAmount: number } {
  return (peer as { _internal: { ws: { bufferedAmount: number } } })._internal.ws
}

serveCommands({
  port: await listenOnLoopback(http),
  // The public way services push events: the endpoint's clients, through the lifetime manager.
  broadcast: payload => void endpoint.clients.group(BENCH.group).send('tick', payload),
  // HubConnection does not expose its transport's buffer; crossws's peers hold the same ws sockets.
  // Read from the ws socket itself, as the other two servers do: the peer's `websocket` view is a
  // Proxy, and this runs inside the measured CPU time.
  backlog() {
    let bytes = 0
    for (const peer of websockets.peers) bytes += wsSocketOf(peer).bufferedAmount
    return bytes
  },
  connections: () => endpoint.connectionCount,
})
