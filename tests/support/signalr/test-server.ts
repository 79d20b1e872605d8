import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApp, defineEventHandler, toNodeListener } from 'h3'
import wsAdapter from 'crossws/adapters/node'
import { defineHubHandlers, HubEndpoint, type HubEndpointOptions, type HubServerOptions } from '../../../server/signalr'
import { observed, testHub } from './test-hub'

/** Tokens the test server accepts: `token-<user>` is user `<user>`. */
export const tokenFor = (user: string) => `token-${user}`

export interface TestHubServer {
  url: string
  hubUrl: string
  endpoint: HubEndpoint
  /** Drops every WebSocket without a close frame, as a network failure would. */
  dropWebSockets(): void
  /** WebSockets accepted so far: a reconnect shows up as one more. */
  webSocketsOpened(): number
  /** Open WebSockets the server has stopped reading from. */
  webSocketsPaused(): number
  close(): Promise<void>
}

/**
 * The test hub on a real HTTP server, mounted through the same h3 handlers and crossws
 * adapter that Nitro uses, so the official clients talk to the production code path.
 */
export async function startTestHubServer(
  options: Partial<HubServerOptions> & Pick<HubEndpointOptions, 'filters' | 'admitConnection' | 'logger' | 'metrics' | 'lifetimeManager'> = {},
): Promise<TestHubServer> {
  const endpoint = new HubEndpoint(testHub, {
    enableDetailedErrors: false,
    ...options,
    authenticate: async token => token?.startsWith('token-') ? { userId: token.slice('token-'.length) } : null,
  })
  const handlers = defineHubHandlers(endpoint)
  const app = createApp()
  app.use('/hubs/test/negotiate', handlers.negotiate)
  app.use('/hubs/test', handlers.transports)
  // Orders plain HTTP work against hub work in `observed.marks`.
  app.use('/mark', defineEventHandler(() => {
    observed.marks.push('http')
    return 'marked'
  }))
  let opened = 0
  const websockets = wsAdapter({
    ...app.websocket,
    serverOptions: { maxPayload: 1024 * 1024 },
    hooks: {
      open: () => {
        opened++
      },
    },
  })
  const server: Server = createServer(toNodeListener(app))
  server.on('upgrade', websockets.handleUpgrade)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    hubUrl: `${url}/hubs/test`,
    endpoint,
    dropWebSockets: () => {
      for (const peer of websockets.peers) peer.terminate()
    },
    webSocketsOpened: () => opened,
    webSocketsPaused: () => [...websockets.peers].filter(peer => (peer.websocket as { isPaused?: boolean }).isPaused).length,
    close: async () => {
      await endpoint.shutdown()
      websockets.closeAll(1001, 'shutdown', true)
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
    },
  }
}
