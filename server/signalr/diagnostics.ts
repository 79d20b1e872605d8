/**
 * What the hub server tells operators, through interfaces small enough that any logger or
 * metrics library fits (pino and prom-client in this application), so the server itself stays
 * free of both. The defaults say and count nothing.
 */

/** Structured fields first, then the message: pino's argument order. */
export interface HubLogger {
  info(fields: Record<string, unknown>, message: string): void
  warn(fields: Record<string, unknown>, message: string): void
  error(fields: Record<string, unknown>, message: string): void
}

export interface HubMetrics {
  /** A connection completed its handshake; `connectionClosed` follows exactly once. */
  connectionOpened(transport: string, protocol: string): void
  connectionClosed(transport: string, protocol: string): void
  /** One hub message (invocation, completion, stream item, …) read from a client. */
  messageReceived(protocol: string): void
  /** One hub message handed to a client's transport. */
  messageSent(protocol: string): void
  slowClientDropped(): void
}

const ignore = () => {}

export const silentHubLogger: HubLogger = { info: ignore, warn: ignore, error: ignore }

export const uncountedHubMetrics: HubMetrics = {
  connectionOpened: ignore,
  connectionClosed: ignore,
  messageReceived: ignore,
  messageSent: ignore,
  slowClientDropped: ignore,
}

/** Why a connection ended against the client's wishes, as a log line names it. */
export type ConnectionTrouble = 'handshake-rejected' | 'client-timeout' | 'slow-client' | 'receive-backlog' | 'protocol-error'
