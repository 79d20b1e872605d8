/** Limits and timings; the defaults are ASP.NET Core SignalR's. */
export interface HubServerOptions {
  /** A Ping is sent when nothing else was sent for this long. */
  keepAliveIntervalMs: number
  /** A client that sends nothing (not even a Ping) for this long is closed. */
  clientTimeoutIntervalMs: number
  /** A connection that has not completed its handshake within this is closed. */
  handshakeTimeoutMs: number
  /** Largest single hub message a client may send, in bytes. */
  maximumReceiveMessageSize: number
  /** Hub method invocations a client may have running at once; further ones wait. */
  maximumParallelInvocationsPerClient: number
  /**
   * Messages read ahead of the one being handled. Past it, the connection stops reading: its
   * WebSocket is paused and its HTTP sends are answered only once taken in, so a client that
   * floods the hub waits for itself rather than making the server hold its backlog.
   */
  maximumQueuedMessagesPerClient: number
  /** Bytes a client may send beyond what the server has read; past it, it is closed with an error. */
  maximumPendingReceiveBytes: number
  /** Error texts sent to clients include exception details (never enable in production). */
  enableDetailedErrors: boolean
  /** A negotiated connection that no transport picks up, or a long-polling client that stops polling, is dropped after this. */
  disconnectTimeoutMs: number
  /** How long a long poll is held open when there is nothing to send. */
  longPollTimeoutMs: number
  /** Offer stateful reconnect to clients that ask for it. */
  allowStatefulReconnects: boolean
  /** Unacknowledged bytes kept per connection for replay after a reconnect. */
  statefulReconnectBufferSize: number
  /** Bytes that may wait for one slow client before it is dropped. */
  maximumBufferedBytesPerClient: number
  /** Granularity of the shared timer that drives pings, timeouts and acks. */
  heartbeatIntervalMs: number
}

export const DEFAULT_HUB_SERVER_OPTIONS: HubServerOptions = {
  keepAliveIntervalMs: 15_000,
  clientTimeoutIntervalMs: 30_000,
  handshakeTimeoutMs: 15_000,
  maximumReceiveMessageSize: 32 * 1024,
  maximumParallelInvocationsPerClient: 1,
  maximumQueuedMessagesPerClient: 8,
  maximumPendingReceiveBytes: 1024 * 1024,
  enableDetailedErrors: false,
  disconnectTimeoutMs: 15_000,
  longPollTimeoutMs: 90_000,
  allowStatefulReconnects: true,
  statefulReconnectBufferSize: 100_000,
  maximumBufferedBytesPerClient: 1024 * 1024,
  heartbeatIntervalMs: 1_000,
}
