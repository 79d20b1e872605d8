import { randomBytes } from 'node:crypto'
import {
  isSequencedMessage, MessageType, ProtocolError, parseHandshakeRequest, writeHandshakeResponse,
  type HubMessage, type HubProtocol,
} from '../protocol'
import { BroadcastFrame, frameByteLength, type OutgoingFrame, type ServerTransport, type TransportKind } from '../transports'
import type { HubServerOptions } from '../options'
import type { ConnectionTrouble } from '../diagnostics'
import { ReconnectBuffer } from './reconnect-buffer'
import { negotiateHandshake } from './handshake-negotiation'

export type ConnectionState = 'negotiated' | 'handshaking' | 'connected' | 'reconnecting' | 'closed'

/** Who is on the other end, as the authenticator established it. */
export interface Principal {
  readonly userId: string
}

/** What the connection reports upwards: the endpoint wires these to the dispatcher and lifetime manager. */
export interface ConnectionEvents {
  connected(connection: HubConnection): void
  /** Takes one message; false asks for no more until the connection's `resumeReceiving` is called. */
  message(connection: HubConnection, message: HubMessage): boolean
  closed(connection: HubConnection, error: string | undefined): void
  /** The connection is being ended against its client's wishes; `reason` is for the log, not the client. */
  trouble(connection: HubConnection, kind: ConnectionTrouble, reason: string): void
  /** One hub message read from the client ('in') or handed to its transport ('out'). */
  traffic(connection: HubConnection, direction: 'in' | 'out'): void
}

/** An encoded message that can be reused for every connection speaking the same protocol. */
export interface SerializedMessage {
  frameFor(protocol: HubProtocol): BroadcastFrame
  readonly sequenced: boolean
}

function randomId(): string {
  return randomBytes(16).toString('base64url')
}

/**
 * One client's hub connection, from negotiate (or a WebSocket that skipped it) to close.
 * It owns the handshake, encoding, liveness, the stateful-reconnect buffer and the
 * current transport, which a reconnect may replace. It does not interpret invocations.
 */
export class HubConnection {
  readonly connectionId = randomId()
  /** The secret the client presents as `id` on transports; distinct from the public connectionId (negotiate v1). */
  readonly connectionToken: string
  readonly createdAt = Date.now()
  /** Free for the hub: values that live as long as the connection. */
  readonly items = new Map<string, unknown>()
  /** Aborted when the connection closes; hub methods pass it to what they await. */
  readonly closed = new AbortController()

  state: ConnectionState = 'negotiated'
  transportKind: TransportKind | null = null
  protocol: HubProtocol | null = null
  private transport: ServerTransport | null = null
  private inbound: Uint8Array = new Uint8Array(0)
  private reconnectBuffer: ReconnectBuffer | null = null
  private stateSince = Date.now()
  private lastSentAt = Date.now()
  private lastReceivedAt = Date.now()
  private clientTimeoutArmed = false
  /** The receiver wants no more messages for now: what arrives waits in `inbound`, unparsed. */
  private receivingPaused = false
  private readonly caughtUpWaiters: Array<() => void> = []

  constructor(
    readonly principal: Principal,
    private readonly protocols: ReadonlyMap<string, HubProtocol>,
    private readonly options: HubServerOptions,
    private readonly events: ConnectionEvents,
    /** Negotiated with `useStatefulReconnect`: the transport may drop and come back. */
    readonly statefulReconnect: boolean,
    negotiateVersion: number,
  ) {
    this.connectionToken = negotiateVersion >= 1 ? randomId() : this.connectionId
  }

  get userId(): string {
    return this.principal.userId
  }

  /**
   * Whether a further transport request may take over this connection: only a stateful one,
   * and only until a handshake below version 2 has turned stateful reconnect down.
   */
  get reconnectExpected(): boolean {
    return this.statefulReconnect && (this.protocol === null || this.reconnectBuffer !== null)
  }

  get currentTransport(): ServerTransport | null {
    return this.transport
  }

  /** When the connection entered its current state. */
  get stateChangedAt(): number {
    return this.stateSince
  }

  /** Binds a transport: the first one starts the handshake, a later one resumes a stateful connection. */
  attachTransport(transport: ServerTransport): void {
    this.transportKind ??= transport.kind
    if (this.transport && this.transport !== transport) {
      // The client came back before we noticed its old transport die: retire the old one, and
      // with it any partial message it carried (a reconnect resends whole messages).
      const stale = this.transport
      this.transport = null
      this.inbound = new Uint8Array(0)
      stale.close()
      if (this.state === 'connected' && this.reconnectBuffer) this.setState('reconnecting')
    }
    this.transport = transport
    if (this.receivingPaused) transport.pauseReceiving?.()
    this.lastReceivedAt = Date.now()
    if (this.state === 'negotiated') {
      this.setState('handshaking')
    }
    else if (this.state === 'reconnecting') {
      this.setState('connected')
      const { sequenceId, frames } = this.reconnectBuffer!.replay()
      this.transmit(this.protocol!.write({ type: MessageType.Sequence, sequenceId }))
      for (const frame of frames) this.transmit(frame)
    }
  }

  /** The transport went away underneath us (socket closed, SSE request ended). */
  transportLost(transport: ServerTransport): void {
    if (transport !== this.transport || this.state === 'closed') return
    this.transport = null
    if (this.state === 'connected' && this.reconnectBuffer) {
      this.setState('reconnecting')
      return
    }
    this.finish(undefined)
  }

  /** Bytes from the client; may hold several messages, or the end of one begun earlier. */
  receive(data: Uint8Array): void {
    if (this.state !== 'handshaking' && this.state !== 'connected') return
    this.lastReceivedAt = Date.now()
    this.inbound = this.inbound.length === 0 ? data : concat(this.inbound, data)
    this.processInbound()
  }

  /** The receiver has room again: hand it what was held back, then read from the client again. */
  resumeReceiving(): void {
    if (!this.receivingPaused || this.state === 'closed') return
    this.receivingPaused = false
    this.processInbound()
    if (!this.receivingPaused) this.transport?.resumeReceiving?.()
  }

  /**
   * Resolves once everything received so far has been handed on, or the connection has closed.
   * HTTP sends are answered then, so a client that floods the hub waits for its own backlog.
   */
  whenCaughtUp(): Promise<void> {
    if (!this.receivingPaused || this.state === 'closed') return Promise.resolve()
    return new Promise(resolve => this.caughtUpWaiters.push(resolve))
  }

  /** Sends one message encoded for this connection's protocol. */
  send(message: HubMessage): void {
    if (!this.protocol) return
    this.sendFrame(this.protocol.write(message), isSequencedMessage(message))
  }

  /** Sends a message encoded once for every connection of the same protocol. */
  sendSerialized(message: SerializedMessage): void {
    if (!this.protocol) return
    this.sendFrame(message.frameFor(this.protocol), message.sequenced)
  }

  /** Closes with a Close message (so the client learns why) and ends the transport. */
  close(error?: string, allowReconnect = false): void {
    if (this.state === 'closed') return
    if (this.protocol && this.transport) {
      this.transmit(this.protocol.write({ type: MessageType.Close, error, allowReconnect }))
    }
    this.finish(error)
  }

  /** Ends the connection at once, without a Close message, dropping whatever is still queued. */
  abort(error?: string): void {
    if (this.state === 'closed') return
    this.transport?.abort()
    this.finish(error)
  }

  /**
   * Closes because something went wrong on this connection (bad data, a limit, a timeout).
   * Like ASP.NET Core, the client hears a generic text, with details only when enabled,
   * and may reconnect.
   */
  fail(error: unknown): void {
    this.events.trouble(this, troubleKind(error), error instanceof Error ? `${error.name}: ${error.message}` : String(error))
    this.close(this.describeError('Connection closed with an error.', error), true)
  }

  /** Driven by the endpoint's shared timer: handshake timeout, keep-alive, client timeout, acks. */
  heartbeat(now: number): void {
    const { handshakeTimeoutMs, keepAliveIntervalMs, clientTimeoutIntervalMs, disconnectTimeoutMs } = this.options
    const detachedSince = this.transport?.detachedSince?.()
    if (detachedSince != null && now - detachedSince > disconnectTimeoutMs) {
      this.finish(undefined)
      return
    }
    switch (this.state) {
      case 'negotiated':
        if (now - this.stateSince >= disconnectTimeoutMs) this.finish(undefined)
        return
      case 'handshaking':
        if (now - this.stateSince >= handshakeTimeoutMs) this.rejectHandshake('Handshake was canceled.')
        return
      case 'reconnecting':
        if (now - this.stateSince >= disconnectTimeoutMs) this.finish(undefined)
        return
      case 'connected': {
        if (this.clientTimeoutArmed && now - this.lastReceivedAt >= clientTimeoutIntervalMs) {
          this.fail(new ClientTimeoutError())
          return
        }
        const ack = this.reconnectBuffer?.takeAckDue()
        if (ack != null) this.transmit(this.protocol!.write({ type: MessageType.Ack, sequenceId: ack }))
        // Long polling keeps itself alive: every poll is answered within the poll timeout.
        if (this.transportKind !== 'LongPolling' && now - this.lastSentAt >= keepAliveIntervalMs) {
          this.transmit(this.protocol!.write({ type: MessageType.Ping }))
        }
        return
      }
    }
  }

  private readHandshake(): boolean {
    const parsed = parseHandshakeRequest(this.inbound)
    if (parsed.kind === 'incomplete') {
      if (this.inbound.length > this.options.maximumReceiveMessageSize) this.rejectHandshake('Handshake was canceled.')
      return false
    }
    if (this.inbound.length - (parsed.kind === 'request' ? parsed.remaining.length : 0) > this.options.maximumReceiveMessageSize) {
      this.rejectHandshake('Handshake was canceled.')
      return false
    }
    if (parsed.kind === 'invalid') {
      const error = this.options.enableDetailedErrors ? ` InvalidDataException: ${parsed.reason}` : ''
      this.rejectHandshake(`An unexpected error occurred during connection handshake.${error}`)
      return false
    }
    const outcome = negotiateHandshake(parsed.request, this.protocols, this.transport!)
    if ('error' in outcome) {
      this.rejectHandshake(outcome.error)
      return false
    }
    this.protocol = outcome.protocol
    if (this.statefulReconnect && parsed.request.version >= 2) {
      this.reconnectBuffer = new ReconnectBuffer(this.options.statefulReconnectBufferSize)
    }
    this.inbound = parsed.remaining
    // The success answer already travels in the protocol's frame type (binary for MessagePack).
    this.transmit(writeHandshakeResponse())
    this.setState('connected')
    this.events.connected(this)
    return this.state === 'connected'
  }

  /** A failed handshake is answered in the handshake's own format; no Close message follows. */
  private rejectHandshake(error: string): void {
    this.events.trouble(this, 'handshake-rejected', error)
    this.transmit(writeHandshakeResponse(error))
    this.finish(error)
  }

  private processInbound(): void {
    try {
      if (this.state === 'handshaking' && !this.readHandshake()) return
      this.readMessages()
      if (this.inbound.length > this.options.maximumPendingReceiveBytes) throw new ReceiveBacklogError(this.inbound.length)
    }
    catch (error) {
      this.fail(error)
    }
    finally {
      this.settleIfCaughtUp()
    }
  }

  /** One message at a time, so the receiver can ask to stop after any of them. */
  private readMessages(): void {
    while (this.state === 'connected' && !this.receivingPaused && this.inbound.length > 0) {
      const { messages, consumed } = this.protocol!.parse(this.inbound, this.options.maximumReceiveMessageSize, 1)
      if (consumed === 0) return
      this.inbound = this.inbound.subarray(consumed)
      for (const message of messages) this.handle(message)
    }
  }

  private pauseReceiving(): void {
    this.receivingPaused = true
    this.transport?.pauseReceiving?.()
  }

  private settleIfCaughtUp(): void {
    if (this.receivingPaused && this.state !== 'closed') return
    for (const resolve of this.caughtUpWaiters.splice(0)) resolve()
  }

  private handle(message: HubMessage): void {
    switch (message.type) {
      case MessageType.Ping:
        // The client's first ping tells us it keeps the connection alive: from then on, silence means it is gone.
        this.clientTimeoutArmed = true
        return
      case MessageType.Close:
        this.close()
        return
      case MessageType.Ack:
        for (const frame of this.reconnectBuffer?.acknowledge(message.sequenceId) ?? []) this.transmit(frame)
        return
      case MessageType.Sequence:
        if (!this.reconnectBuffer) throw new ProtocolError('Sequence message received without stateful reconnect.')
        this.reconnectBuffer.resetReceiving(message.sequenceId)
        return
      default:
        if (this.reconnectBuffer && !this.reconnectBuffer.shouldProcess()) return
        this.events.traffic(this, 'in')
        if (!this.events.message(this, message)) this.pauseReceiving()
    }
  }

  private sendFrame(frame: OutgoingFrame, sequenced: boolean): void {
    if (this.state !== 'connected' && this.state !== 'reconnecting') return
    this.events.traffic(this, 'out')
    if (sequenced && this.reconnectBuffer) {
      const bytes = frame instanceof BroadcastFrame ? frame.byteLength : frameByteLength(frame)
      const mayGoNow = this.reconnectBuffer.track(frame, bytes)
      if (mayGoNow && this.state === 'connected') this.transmit(frame)
    }
    else if (this.state === 'connected') {
      this.transmit(frame)
    }
    this.dropIfTooSlow()
  }

  /** Frames go out in the negotiated protocol's format; before the handshake succeeds, as text. */
  private transmit(frame: OutgoingFrame): void {
    const transport = this.transport
    if (!transport) return
    if (!(frame instanceof BroadcastFrame)) transport.send(frame, this.protocol?.transferFormat === 'Binary')
    else if (transport.sendBroadcast) transport.sendBroadcast(frame)
    else transport.send(frame.payload, frame.binary)
    this.lastSentAt = Date.now()
  }

  /** A client that does not keep up would make us hold its messages without limit: let it go. */
  private dropIfTooSlow(): void {
    const waiting = (this.transport?.bufferedBytes() ?? 0) + (this.reconnectBuffer?.waitingBytes ?? 0)
    if (waiting > this.options.maximumBufferedBytesPerClient) {
      // Its transport is full, so a Close message would only queue behind the backlog: cut it off now
      // and free what it holds.
      const slow = new SlowClientError(waiting)
      this.events.trouble(this, 'slow-client', slow.message)
      this.abort(this.describeError('Connection closed with an error.', slow))
    }
  }

  private describeError(summary: string, error: unknown): string {
    if (!this.options.enableDetailedErrors || !(error instanceof Error)) return summary
    return `${summary} ${error.name}: ${error.message}`
  }

  private setState(state: ConnectionState): void {
    this.state = state
    this.stateSince = Date.now()
  }

  /** The one way out: transport ended, state closed, everyone told once. */
  private finish(error: string | undefined): void {
    if (this.state === 'closed') return
    const wasConnected = this.protocol !== null
    this.setState('closed')
    this.transport?.close()
    // A long-polling client collects what was queued (the Close message included) on its next poll.
    if (this.transport?.kind !== 'LongPolling') this.transport = null
    this.inbound = new Uint8Array(0)
    this.closed.abort()
    this.settleIfCaughtUp()
    if (wasConnected) this.events.closed(this, error)
  }
}

class ReceiveBacklogError extends Error {
  override name = 'InvalidDataException'
  constructor(bytes: number) {
    super(`The client sent ${bytes} bytes more than the server has read.`)
  }
}

class SlowClientError extends Error {
  override name = 'SlowClientException'
  constructor(bytes: number) {
    super(`The client fell ${bytes} bytes behind the messages sent to it.`)
  }
}

class ClientTimeoutError extends Error {
  override name = 'OperationCanceledException'
  override message = 'Client hasn\'t sent a message/ping within the configured ClientTimeoutInterval.'
}

function troubleKind(error: unknown): ConnectionTrouble {
  if (error instanceof ClientTimeoutError) return 'client-timeout'
  if (error instanceof ReceiveBacklogError) return 'receive-backlog'
  return 'protocol-error'
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length)
  joined.set(a, 0)
  joined.set(b, a.length)
  return joined
}
