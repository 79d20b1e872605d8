import type { Frame } from '../protocol'
import type { BroadcastFrame } from './broadcast-frame'
import type { ServerTransport } from './transport'

/** The subset of a crossws peer the transport needs. */
export interface WebSocketPeer {
  send(data: string | Uint8Array, options?: { binary?: boolean }): unknown
  close(code?: number): void
  terminate(): void
  /** `pause`/`resume` stop reading the socket (Node's `ws`), so TCP pushes back on the client. */
  readonly websocket: { readonly bufferedAmount?: number, pause?(): void, resume?(): void }
}

/** The parts of Node's `ws` socket under a crossws peer that the transport uses directly. */
interface NodeWebSocket {
  readonly readyState: number
  readonly bufferedAmount: number
  pause(): void
  resume(): void
  /** Writes frames that are already complete: what socket.io uses to send one broadcast frame to many sockets. */
  readonly _sender?: { sendFrame?(list: Buffer[]): void }
  readonly _extensions?: Record<string, unknown>
  /** The TCP socket under it. */
  readonly _socket?: { cork(): void, uncork(): void }
}

const OPEN = 1

/** Node's `ws` socket under the peer, when crossws's node adapter made it (it keeps it in `_internal`). */
function nodeSocketOf(peer: WebSocketPeer): NodeWebSocket | null {
  const socket = (peer as { _internal?: { ws?: Partial<NodeWebSocket> } })._internal?.ws
  const isNodeWs = typeof socket?.pause === 'function' && typeof socket.resume === 'function' && typeof socket.bufferedAmount === 'number'
  return isNodeWs ? socket as NodeWebSocket : null
}

/**
 * Whether complete frames may be written past `ws`'s own send: only with its sender reachable and
 * no per-message compression (a compressing sender queues messages while it deflates, and a frame
 * written past that queue would overtake them).
 */
function acceptsPreFramed(socket: NodeWebSocket | null): socket is NodeWebSocket & { _sender: { sendFrame(list: Buffer[]): void } } {
  return typeof socket?._sender?.sendFrame === 'function' && Object.keys(socket._extensions ?? {}).length === 0
}

/** WebSockets carry each frame as one WebSocket message: text for JSON, binary for MessagePack. */
export class WebSocketTransport implements ServerTransport {
  readonly kind = 'WebSockets'
  readonly supportsBinary = true
  /** Used directly where there is one: the peer's `websocket` view is a Proxy, slower on every call. */
  private readonly socket: NodeWebSocket | null
  private readonly preFramed: boolean
  /**
   * Broadcast frames this turn of the event loop: the first is written at once (a lone broadcast
   * waits for nothing); the rest are held and written together when the turn ends.
   */
  private turn: 'quiet' | 'sent' | 'corked' = 'quiet'
  private readonly endTurn = () => {
    if (this.turn === 'corked') this.socket!._socket!.uncork()
    this.turn = 'quiet'
  }

  constructor(private readonly peer: WebSocketPeer) {
    this.socket = nodeSocketOf(peer)
    this.preFramed = acceptsPreFramed(this.socket) && typeof this.socket._socket?.cork === 'function'
  }

  send(frame: Frame, binary: boolean): void {
    this.peer.send(frame, { binary })
  }

  sendBroadcast(frame: BroadcastFrame): void {
    const socket = this.socket
    // Once closing, `ws` must send nothing more; its own send knows what to do then.
    if (this.preFramed && socket!.readyState === OPEN) {
      // Several broadcasts delivered in one turn (a backplane read carries many) leave in two writes,
      // the first frame and then all the others, rather than one system call each; order is kept.
      if (this.turn === 'quiet') {
        this.turn = 'sent'
        process.nextTick(this.endTurn)
      }
      else if (this.turn === 'sent') {
        this.turn = 'corked'
        socket!._socket!.cork()
      }
      socket!._sender!.sendFrame!([frame.webSocketFrame()])
    }
    else this.peer.send(frame.payload, { binary: frame.binary })
  }

  bufferedBytes(): number {
    return this.socket ? this.socket.bufferedAmount : this.peer.websocket.bufferedAmount ?? 0
  }

  pauseReceiving(): void {
    if (this.socket) this.socket.pause()
    else this.peer.websocket.pause?.()
  }

  resumeReceiving(): void {
    if (this.socket) this.socket.resume()
    else this.peer.websocket.resume?.()
  }

  close(): void {
    // 1000: a normal closure; the hub protocol's Close message already said why.
    this.peer.close(1000)
  }

  abort(): void {
    this.peer.terminate()
  }
}
