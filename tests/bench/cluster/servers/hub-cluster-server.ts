import { createServer } from 'node:http'
import { createApp, toNodeListener } from 'h3'
import wsAdapter from 'crossws/adapters/node'
import { Redis } from 'ioredis'
import { defineHubHandlers, HubEndpoint } from '../../../../server/signalr'
import { RedisHubLifetimeManager } from '../../../../server/signalr/lifetime'
import { benchHub } from '../../hub/bench-hub'
import { BENCH } from '../../hub/config'
import { listenOnLoopback, serveCommands } from '../../hub/servers/broadcast-server'

/**
 * One instance of our hub on the Redis backplane, mounted as in bench:hub (h3 handlers, crossws's
 * node adapter). Usage: hub-cluster-server.ts <redis url> <prefix>
 */
const [redisUrl, prefix] = [process.argv[2]!, process.argv[3]!]
const endpoint = new HubEndpoint(benchHub, {
  authenticate: async token => token ? { userId: token } : null,
  lifetimeManager: new RedisHubLifetimeManager({
    publisher: new Redis(redisUrl),
    subscriber: new Redis(redisUrl),
    channelPrefix: `${prefix}:hub:bench`,
    onError: (error, what) => console.error(`hub backplane: failed ${what}`, error),
  }),
})
const handlers = defineHubHandlers(endpoint)
const app = createApp()
app.use('/hubs/bench/negotiate', handlers.negotiate)
app.use('/hubs/bench', handlers.transports)
const websockets = wsAdapter({ ...app.websocket })
const http = createServer(toNodeListener(app))
http.on('upgrade', websockets.handleUpgrade)

serveCommands({
  port: await listenOnLoopback(http),
  // Published once to the group's channel; every instance (this one too) delivers to its members.
  broadcast: payload => void endpoint.clients.group(BENCH.group).send('tick', payload),
  backlog() {
    let bytes = 0
    for (const peer of websockets.peers) bytes += peer.websocket.bufferedAmount ?? 0
    return bytes
  },
  connections: () => endpoint.connectionCount,
})
