import type { Frame, TransferFormat } from '../protocol'
import type { BroadcastFrame } from './broadcast-frame'

export type TransportKind = 'WebSockets' | 'ServerSentEvents' | 'LongPolling'

/** What negotiate offers, in the order clients try them. */
export const AVAILABLE_TRANSPORTS: ReadonlyArray<{ transport: TransportKind, transferFormats: TransferFormat[] }> = [
  { transport: 'WebSockets', transferFormats: ['Text', 'Binary'] },
  { transport: 'ServerSentEvents', transferFormats: ['Text'] },
  { transport: 'LongPolling', transferFormats: ['Text', 'Binary'] },
]

/**
 * The server side of one transport: it only moves frames. Framing of hub
 * messages, liveness and buffering for reconnects belong to the connection.
 */
export interface ServerTransport {
  readonly kind: TransportKind
  readonly supportsBinary: boolean
  /**
   * Queues a frame for the client. `binary` is the frame type where the transport has one
   * (WebSockets); a text frame may be given as UTF-8 bytes, encoded once for many clients.
   */
  send(frame: Frame, binary: boolean): void
  /** Queues a frame shared by a broadcast's recipients; without it, its payload goes through `send`. */
  sendBroadcast?(frame: BroadcastFrame): void
  /** Bytes accepted by `send` that the client has not taken yet. */
  bufferedBytes(): number
  /** Ends the transport once what was sent has been flushed. */
  close(): void
  /** Ends the transport at once, dropping what is still buffered. */
  abort(): void
  /** Since when the client has had no request open to receive on (long polling between polls), or null. */
  detachedSince?(): number | null
  /**
   * Stops and restarts reading from the client, where the transport reads on its own (WebSockets);
   * the HTTP transports receive through requests, held open by the endpoint instead.
   */
  pauseReceiving?(): void
  resumeReceiving?(): void
}

export function frameByteLength(frame: Frame): number {
  return typeof frame === 'string' ? Buffer.byteLength(frame) : frame.byteLength
}
