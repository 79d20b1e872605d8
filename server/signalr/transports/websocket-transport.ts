import type { Frame } from '../protocol'
import type { ServerTransport } from './transport'

/** The subset of a crossws peer the transport needs. */
export interface WebSocketPeer {
  send(data: string | Uint8Array, options?: { binary?: boolean }): unknown
  close(code?: number): void
  terminate(): void
  /** `pause`/`resume` stop reading the socket (Node's `ws`), so TCP pushes back on the client. */
  readonly websocket: { readonly bufferedAmount?: number, pause?(): void, resume?(): void }
}

/** WebSockets carry each frame as one WebSocket message: text for JSON, binary for MessagePack. */
export class WebSocketTransport implements ServerTransport {
  readonly kind = 'WebSockets'
  readonly supportsBinary = true

  constructor(private readonly peer: WebSocketPeer) {}

  send(frame: Frame, binary: boolean): void {
    // The peer's own send writes straight to the socket; its `websocket` view is a Proxy, slower per call.
    this.peer.send(frame, { binary })
  }

  bufferedBytes(): number {
    return this.peer.websocket.bufferedAmount ?? 0
  }

  pauseReceiving(): void {
    this.peer.websocket.pause?.()
  }

  resumeReceiving(): void {
    this.peer.websocket.resume?.()
  }

  close(): void {
    // 1000: a normal closure; the hub protocol's Close message already said why.
    this.peer.close(1000)
  }

  abort(): void {
    this.peer.terminate()
  }
}
