import { RawSocket, type CloseInfo, type RawConnectOptions, type ReceivedFrame } from './raw-socket'
import { concatBytes, handshakeFrame, jsonFrame, msgpackFrame, splitJsonFrames, splitMsgpackFrames } from './wire'
import type { ProtocolName } from './clients'

/** A hub message as decoded from the wire: an object for JSON, an array for MessagePack. */
export type WireMessage = Record<string, unknown> | unknown[]

export function messageType(message: WireMessage): unknown {
  return Array.isArray(message) ? message[0] : message.type
}

const PING = 6

export interface RawHubConnectOptions extends RawConnectOptions {
  protocol?: ProtocolName
  version?: number
  afterHandshake?: string | Uint8Array
}

/**
 * A hub client on a raw WebSocket: it does the handshake and then speaks hub messages,
 * decoded without the server's codecs. Frames carrying several messages are split, so
 * tests see one message at a time.
 */
export class RawHubClient {
  private readonly pending: WireMessage[] = []

  private constructor(readonly socket: RawSocket, readonly protocol: ProtocolName) {}

  /**
   * Opens a WebSocket (skipping negotiation unless `id` is given) and completes the handshake.
   * `afterHandshake` travels in the handshake's own frame, as a client may send it.
   */
  static async connect(hubUrl: string, options: RawHubConnectOptions = {}): Promise<RawHubClient> {
    const protocol = options.protocol ?? 'json'
    const socket = await RawSocket.open(hubUrl, options)
    const handshake = handshakeFrame(protocol, options.version)
    const extra = options.afterHandshake ?? ''
    socket.send(typeof extra === 'string' ? handshake + extra : concatBytes(new TextEncoder().encode(handshake), extra))
    const answer = await socket.nextFrame()
    if (answer.data.toString('utf8') !== '{}\u001e') throw new Error(`Handshake failed: ${answer.data.toString('utf8')}`)
    // ASP.NET Core switches the socket to the protocol's frame type before it answers.
    if (answer.binary !== (protocol === 'messagepack')) throw new Error(`The handshake answer came in a ${answer.binary ? 'binary' : 'text'} frame`)
    return new RawHubClient(socket, protocol)
  }

  /** Sends one message: an object for JSON, an array for MessagePack. */
  send(message: WireMessage): void {
    if (this.protocol === 'json') this.socket.send(jsonFrame(message))
    else this.socket.send(msgpackFrame(message as unknown[]))
  }

  /** The next message, pings included. */
  async next(timeoutMs?: number): Promise<WireMessage> {
    while (this.pending.length === 0) this.pending.push(...this.decode(await this.socket.nextFrame(timeoutMs)))
    return this.pending.shift()!
  }

  /** The next message that is not a keep-alive ping. */
  async nextNonPing(timeoutMs?: number): Promise<WireMessage> {
    for (;;) {
      const message = await this.next(timeoutMs)
      if (messageType(message) !== PING) return message
    }
  }

  /** Every message until the server closes the socket, with the close code. */
  async untilClose(timeoutMs?: number): Promise<{ messages: WireMessage[], close: CloseInfo }> {
    const { frames, close } = await this.socket.framesUntilClose(timeoutMs)
    const messages = [...this.pending.splice(0), ...frames.flatMap(frame => this.decode(frame))]
    return { messages: messages.filter(message => messageType(message) !== PING), close }
  }

  close(): void {
    this.socket.close()
  }

  private decode(frame: ReceivedFrame): WireMessage[] {
    // Frame types matter to clients: JSON travels in text frames, MessagePack in binary ones.
    if (frame.binary !== (this.protocol === 'messagepack')) {
      throw new Error(`A ${this.protocol} message arrived in a ${frame.binary ? 'binary' : 'text'} frame`)
    }
    const messages = this.protocol === 'json' ? splitJsonFrames(frame.data.toString('utf8')) : splitMsgpackFrames(frame.data)
    return messages as WireMessage[]
  }
}
