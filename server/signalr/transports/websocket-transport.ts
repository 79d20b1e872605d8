import type { Frame } from '../protocol'
import type { ServerTransport } from './transport'

/** The subset of a `ws` socket the transport needs; crossws hands us the real one. */
export interface RawWebSocket {
  readonly bufferedAmount: number
  send(data: string | Uint8Array, options?: { binary?: boolean }): void
  close(code?: number, reason?: string): void
  terminate(): void
}

/** WebSockets carry each frame as one WebSocket message: text for JSON, binary for MessagePack. */
export class WebSocketTransport implements ServerTransport {
  readonly kind = 'WebSockets'
  readonly supportsBinary = true

  constructor(private readonly socket: RawWebSocket) {}

  send(frame: Frame): void {
    this.socket.send(frame, { binary: typeof frame !== 'string' })
  }

  bufferedBytes(): number {
    return this.socket.bufferedAmount
  }

  close(): void {
    // 1000: a normal closure; the hub protocol's Close message already said why.
    this.socket.close(1000)
  }

  abort(): void {
    this.socket.terminate()
  }
}
