import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Hooks, Peer } from 'crossws'
import { extractAccessToken, type Authenticator } from './auth'
import { HubConnection, type ConnectionEvents, type Principal } from './connection/hub-connection'
import { ConnectionRegistry } from './connection-registry'
import type { ConnectionSlot, SharedConnectionSlots } from './connection-slots'
import { HubDispatcher } from './dispatcher/hub-dispatcher'
import { silentHubLogger, uncountedHubMetrics, type ConnectionTrouble, type HubLogger, type HubMetrics } from './diagnostics'
import type { HubDefinition, HubFilter } from './hub'
import { NO_CACHE_HEADERS, PROBLEM_CONTENT_TYPE, sendJson, sendText } from './http-responses'
import { InMemoryLifetimeManager, matchesAnyPattern, type HubLifetimeManager, type PrincipalPattern } from './lifetime'
import { MISDIRECTED_PROBLEM, MisdirectedRequests } from './misdirected-requests'
import { negotiateResponse, readNegotiateRequest } from './negotiate'
import { DEFAULT_HUB_SERVER_OPTIONS, type HubServerOptions } from './options'
import { JsonHubProtocol, MessagePackHubProtocol, type HubProtocol } from './protocol'
import { createServerClients, type ServerClients } from './server-clients'
import {
  LongPollingTransport, ServerSentEventsTransport, WebSocketTransport,
  type ServerTransport, type WebSocketPeer, type TransportKind,
} from './transports'

export interface HubEndpointOptions extends Partial<HubServerOptions> {
  authenticate: Authenticator
  lifetimeManager?: HubLifetimeManager
  protocols?: HubProtocol[]
  /** Wrap every hub method call (rate limits, logging), outermost first. */
  filters?: HubFilter[]
  /** Asked before a principal opens one more connection (negotiate, or a WebSocket that skips it). */
  admitConnection?: ConnectionAdmission
  /** Counts each principal's connections on every instance (REDIS_URL); without it, those held here. */
  connectionSlots?: SharedConnectionSlots
  /** Hears of refused handshakes, hub methods that threw and connections ended for cause. Silent by default. */
  logger?: HubLogger
  /** Counts connections and messages. Counts nothing by default. */
  metrics?: HubMetrics
}

/** Decides whether `principal`, with `openConnections` already open (on every instance counted), may open another one. */
export type ConnectionAdmission = (principal: Principal, openConnections: number) => Promise<ConnectionRefusal | null>

/** Why a connection is refused: answered with this HTTP status and text. */
export interface ConnectionRefusal {
  status: number
  message: string
  retryAfterSeconds?: number
}

const TROUBLE_MESSAGES: Record<ConnectionTrouble, string> = {
  'handshake-rejected': 'Hub handshake rejected',
  'client-timeout': 'Hub connection closed: the client stopped sending',
  'slow-client': 'Hub connection dropped: the client fell too far behind',
  'receive-backlog': 'Hub connection closed: the client sent more than the server could read',
  'protocol-error': 'Hub connection closed: the client sent invalid data',
}

type Rejection = { status: number, body?: string, headers?: Record<string, string> }
type Lookup = { connection: HubConnection } | Rejection

/** What the WebSocket upgrade learned, carried to `open` through crossws's per-request context. */
interface UpgradeContext {
  hubConnection?: HubConnection
}

/**
 * One hub, served over SignalR's connection protocol: negotiate, the three transports,
 * authentication on every request, and the shared heartbeat. Framework-agnostic: it takes
 * Node's request/response and crossws's WebSocket hooks (see h3.ts for the adapter).
 */
export class HubEndpoint {
  readonly options: HubServerOptions
  readonly lifetime: HubLifetimeManager
  /** Sends to clients from outside a hub method (services, background jobs). */
  readonly clients: ServerClients
  private readonly protocols: ReadonlyMap<string, HubProtocol>
  private readonly authenticate: Authenticator
  private readonly log: HubLogger
  private readonly dispatcher: HubDispatcher
  private readonly connections: ConnectionRegistry
  private readonly misdirected: MisdirectedRequests
  private readonly admitConnection: ConnectionAdmission
  private readonly slots: SharedConnectionSlots | undefined
  private readonly events: ConnectionEvents
  private readonly heartbeat: NodeJS.Timeout
  private readonly slotRenewal: NodeJS.Timeout | undefined

  constructor(hub: HubDefinition, options: HubEndpointOptions) {
    const { authenticate, lifetimeManager, protocols, filters, admitConnection, connectionSlots, logger, metrics, ...limits } = options
    this.options = { ...DEFAULT_HUB_SERVER_OPTIONS, ...limits }
    this.authenticate = authenticate
    this.admitConnection = admitConnection ?? (async () => null)
    this.lifetime = lifetimeManager ?? new InMemoryLifetimeManager()
    this.clients = createServerClients(this.lifetime)
    const ownership = this.lifetime.ownership
    const slots = this.slots = connectionSlots
    this.connections = new ConnectionRegistry((connection) => {
      ownership?.release(connection.connectionToken)
      slots?.release(slotOf(connection))
    })
    this.protocols = new Map((protocols ?? [new JsonHubProtocol(), new MessagePackHubProtocol()]).map(p => [p.name, p]))
    const log = this.log = logger ?? silentHubLogger
    this.misdirected = new MisdirectedRequests(ownership, log)
    const count = metrics ?? uncountedHubMetrics
    this.dispatcher = new HubDispatcher(hub, this.lifetime, this.options, filters, log)
    this.events = {
      connected: (connection) => {
        count.connectionOpened(connection.transportKind!, connection.protocol!.name)
        this.dispatcher.connected(connection)
      },
      message: (connection, message) => this.dispatcher.message(connection, message),
      closed: (connection, error) => {
        count.connectionClosed(connection.transportKind!, connection.protocol!.name)
        // A closed long-polling connection stays reachable until its client has polled what is left.
        if (connection.transportKind !== 'LongPolling') this.connections.delete(connection)
        void this.dispatcher.disconnected(connection, error)
      },
      trouble: (connection, kind, reason) => {
        if (kind === 'slow-client') count.slowClientDropped()
        log.warn({ kind, reason, connectionId: connection.connectionId, userId: connection.userId, transport: connection.transportKind }, TROUBLE_MESSAGES[kind])
      },
      traffic: (connection, direction) => {
        const protocol = connection.protocol?.name ?? 'none'
        if (direction === 'in') count.messageReceived(protocol)
        else count.messageSent(protocol)
      },
    }
    this.heartbeat = setInterval(() => this.tick(), this.options.heartbeatIntervalMs)
    this.heartbeat.unref()
    if (slots) {
      this.slotRenewal = setInterval(() => {
        slots.renew(this.connections.all().map(slotOf)).catch(error => log.warn({ error: String(error) }, 'Hub connection slots not renewed'))
      }, slots.renewEveryMs)
      this.slotRenewal.unref()
    }
  }

  /** Connections currently known (negotiated, connected or awaiting a reconnect). */
  get connectionCount(): number {
    return this.connections.size
  }

  /** The principals of the connections currently known: to check their credentials again later. */
  principals(): Principal[] {
    return this.connections.all().filter(connection => connection.state !== 'closed').map(connection => connection.principal)
  }

  /** `POST {hub}/negotiate`. */
  async negotiate(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') return sendText(response, 405)
    const url = requestUrl(request)
    const principal = await this.authenticate(extractAccessToken(request.headers, url.searchParams))
    if (!principal) return this.unauthorized(response)
    const negotiated = readNegotiateRequest(url.searchParams, this.options.allowStatefulReconnects)
    // Errors are answered 200 with an `error` property: that is where clients look for them.
    if (!negotiated.ok) return sendJson(response, 200, { error: negotiated.error })
    const connection = this.createConnection(principal, negotiated.version, negotiated.statefulReconnect)
    const refusal = await this.admit(connection)
    if (refusal) return sendText(response, refusal.status, refusal.message, retryAfterHeader(refusal))
    // Before the client hears of the connection, so that its next request finds it claimed wherever it lands.
    await this.lifetime.ownership?.claim(connection.connectionToken)
    sendJson(response, 200, negotiateResponse(connection, negotiated.version, negotiated.statefulReconnect))
  }

  /** `{hub}?id=…`: GET (Server-Sent Events or a long poll), POST (client → server), DELETE (end a long-polling connection). */
  async handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    switch (request.method) {
      case 'GET':
        return (request.headers.accept ?? '').split(',').some(type => type.split(';')[0]!.trim() === 'text/event-stream')
          ? this.serverSentEvents(request, response)
          : this.longPoll(request, response)
      case 'POST':
        return this.receiveSend(request, response)
      case 'DELETE':
        return this.deleteConnection(request, response)
      default:
        return sendText(response, 405)
    }
  }

  /** crossws hooks for the WebSocket transport on the same path. */
  readonly websocket: Partial<Hooks> = {
    upgrade: async (request) => {
      const url = new URL(request.url)
      const principal = await this.authenticate(extractAccessToken(request.headers, url.searchParams))
      if (!principal) {
        // No HTTP request line covers an upgrade: say here why it was refused.
        this.log.info({ status: 401 }, 'Hub WebSocket refused: missing or invalid access token')
        return new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } })
      }
      const context = (request as { context?: UpgradeContext }).context!
      if (!url.searchParams.get('id')) {
        // skipNegotiation: the WebSocket itself starts the connection.
        const connection = this.createConnection(principal, 0, false)
        const refusal = await this.admit(connection)
        if (refusal) return new Response(refusal.message, { status: refusal.status, headers: retryAfterHeader(refusal) })
        context.hubConnection = connection
        return
      }
      const lookup = await this.lookup(url.searchParams, principal, 'WebSockets', 'GET')
      if (!('connection' in lookup)) return new Response(lookup.body ?? null, { status: lookup.status, headers: lookup.headers })
      context.hubConnection = lookup.connection
    },
    open: (peer) => {
      const context = peer.context as UpgradeContext
      const connection = context.hubConnection!
      const transport = new WebSocketTransport(peer as WebSocketPeer)
      transports.set(peer, { connection, transport })
      connection.attachTransport(transport)
    },
    message: (peer, message) => {
      transports.get(peer)?.connection.receive(message.uint8Array())
    },
    close: (peer) => {
      const entry = transports.get(peer)
      transports.delete(peer)
      entry?.connection.transportLost(entry.transport)
    },
  }

  /** Closes connections matching `predicate` (a revoked credential, a deleted resource). */
  closeConnections(predicate: (connection: HubConnection) => boolean, error?: string): number {
    let closed = 0
    for (const connection of this.connections.all()) {
      if (!predicate(connection)) continue
      connection.close(error)
      closed++
    }
    return closed
  }

  /**
   * Closes, on every instance the lifetime manager reaches, the connections whose principal matches
   * one of `patterns`; here also those negotiated but not yet connected. Returns how many closed here.
   */
  async closeConnectionsEverywhere(patterns: readonly PrincipalPattern[], error?: string): Promise<number> {
    const closed = this.closeConnections(connection => matchesAnyPattern(connection.principal, patterns), error)
    await this.lifetime.closeConnections(patterns, error)
    return closed
  }

  /** Ends every connection and stops the heartbeat: for shutdown and tests. */
  async shutdown(): Promise<void> {
    clearInterval(this.heartbeat)
    clearInterval(this.slotRenewal)
    this.closeConnections(() => true)
    await this.lifetime.close()
  }

  /**
   * Asks whether the new connection may stay, counting its principal's others (on every instance
   * with shared slots: taking the slot and counting are one step, so instances admitting at once
   * cannot both take the last place). A refused connection is forgotten, its slot given back.
   */
  private async admit(connection: HubConnection): Promise<ConnectionRefusal | null> {
    try {
      const others = this.slots ? await this.slots.take(slotOf(connection)) : this.connections.countFor(connection.userId) - 1
      const refusal = await this.admitConnection(connection.principal, others)
      if (refusal) this.connections.delete(connection)
      return refusal
    }
    catch (error) {
      this.connections.delete(connection)
      throw error
    }
  }

  private createConnection(principal: Principal, negotiateVersion: number, statefulReconnect: boolean): HubConnection {
    const connection = new HubConnection(principal, this.protocols, this.options, this.events, statefulReconnect, negotiateVersion)
    this.connections.add(connection)
    return connection
  }

  private async serverSentEvents(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const connection = await this.authorizedLookup(request, response, 'ServerSentEvents')
    if (!connection) return
    const transport = new ServerSentEventsTransport(response)
    connection.attachTransport(transport)
    await new Promise<void>(resolve => response.once('close', resolve))
    connection.transportLost(transport)
  }

  private async longPoll(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(NO_CACHE_HEADERS)) response.setHeader(name, value)
    const connection = await this.authorizedLookup(request, response, 'LongPolling')
    if (!connection) return
    const current = connection.currentTransport
    if (current instanceof LongPollingTransport) {
      await current.acceptPoll(response)
      // The client has been told the connection is over: from now on its id is unknown.
      if (connection.state === 'closed' && response.statusCode === 204) this.connections.delete(connection)
      return
    }
    // The first poll starts the connection and returns at once; the handshake answer comes on the next.
    connection.attachTransport(new LongPollingTransport(this.options.longPollTimeoutMs))
    response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': '0' })
    response.end()
  }

  private async receiveSend(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const connection = await this.authorizedLookup(request, response, null)
    if (!connection) return
    if (connection.transportKind === 'WebSockets') {
      return sendText(response, 405, 'POST requests are not allowed for WebSocket connections.')
    }
    let body: Buffer
    try {
      body = await readBody(request, this.options.maximumReceiveMessageSize * 4)
    }
    catch {
      return sendText(response, 400)
    }
    if (connection.state === 'closed') return sendText(response, 404)
    connection.receive(body)
    // Answered once taken in: a client flooding the hub waits for its own backlog, not others.
    await connection.whenCaughtUp()
    sendText(response, 200)
  }

  private async deleteConnection(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const connection = await this.authorizedLookup(request, response, null)
    if (!connection) return
    if (connection.transportKind !== 'LongPolling') {
      return sendText(response, 400, 'Cannot terminate this connection using the DELETE endpoint.')
    }
    sendText(response, 202)
    // As ASP.NET Core does: the connection is disposed, the waiting poll ends with 204, no Close message.
    connection.abort()
  }

  /** Authenticates, then finds the connection named by `id`; answers the request itself when it cannot. */
  private async authorizedLookup(request: IncomingMessage, response: ServerResponse, transport: TransportKind | null): Promise<HubConnection | null> {
    const url = requestUrl(request)
    const principal = await this.authenticate(extractAccessToken(request.headers, url.searchParams))
    if (!principal) {
      this.unauthorized(response)
      return null
    }
    const lookup = await this.lookup(url.searchParams, principal, transport, request.method ?? 'GET')
    if ('connection' in lookup) return lookup.connection
    sendText(response, lookup.status, lookup.body, lookup.headers)
    return null
  }

  private async lookup(query: URLSearchParams, principal: Principal, transport: TransportKind | null, method: string): Promise<Lookup> {
    const id = query.get('id')
    if (!id) return { status: 400, body: 'Connection ID required' }
    const connection = this.connections.get(id)
    if (!connection && await this.misdirected.heldElsewhere(id, { method, transport, userId: principal.userId })) {
      return { status: MISDIRECTED_PROBLEM.status, body: JSON.stringify(MISDIRECTED_PROBLEM), headers: { 'Content-Type': PROBLEM_CONTENT_TYPE } }
    }
    const drainingPoll = transport === 'LongPolling' && connection?.transportKind === 'LongPolling'
    if (!connection || (connection.state === 'closed' && !drainingPoll)) return { status: 404, body: 'No Connection with that ID' }
    // A connection belongs to whoever negotiated it; another user's token does not open it.
    if (connection.userId !== principal.userId) return { status: 403 }
    if (transport === null) return { connection }
    if (connection.transportKind !== null && connection.transportKind !== transport) {
      return { status: 400, body: 'Cannot change transports mid-connection' }
    }
    const reconnectExpected = transport === 'LongPolling' || connection.reconnectExpected
    if (connection.transportKind !== null && !reconnectExpected) return { status: 409 }
    return { connection }
  }

  private unauthorized(response: ServerResponse): void {
    sendText(response, 401, '', { 'WWW-Authenticate': 'Bearer' })
  }

  private tick(): void {
    const now = Date.now()
    for (const connection of this.connections.all()) {
      connection.heartbeat(now)
      if (connection.state !== 'closed') continue
      const lingering = connection.transportKind === 'LongPolling' && now - connection.stateChangedAt < this.options.disconnectTimeoutMs
      if (!lingering) this.connections.delete(connection)
    }
  }
}

function slotOf(connection: HubConnection): ConnectionSlot {
  return { userId: connection.userId, connectionId: connection.connectionId }
}

/** The transport behind each open WebSocket peer. */
const transports = new WeakMap<Peer, { connection: HubConnection, transport: ServerTransport }>()

function retryAfterHeader(refusal: ConnectionRefusal): Record<string, string> {
  return refusal.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(refusal.retryAfterSeconds) }
}

function requestUrl(request: IncomingMessage): URL {
  return new URL(request.url ?? '/', 'http://localhost')
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        reject(new Error('Request body too large'))
        request.destroy()
        return
      }
      chunks.push(chunk)
    })
    request.once('end', () => resolve(Buffer.concat(chunks)))
    request.once('error', reject)
  })
}
