import type { Frame } from '../protocol'

/**
 * One message's frame, encoded once for every recipient that speaks the same protocol. Besides
 * the payload it carries the complete WebSocket frame (header and payload in one buffer, built on
 * first use), so a broadcast to a thousand WebSocket clients frames the message once and writes
 * the same bytes to every socket, as socket.io does.
 */
export class BroadcastFrame {
  readonly payload: Buffer
  private webSocket: Buffer | null = null

  constructor(payload: Frame, readonly binary: boolean) {
    this.payload = typeof payload === 'string' ? Buffer.from(payload) : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength)
  }

  get byteLength(): number {
    return this.payload.byteLength
  }

  /** The frame as a server sends it on a WebSocket (RFC 6455 §5.2): final, unmasked, uncompressed. */
  webSocketFrame(): Buffer {
    this.webSocket ??= Buffer.concat([webSocketFrameHeader(this.payload.byteLength, this.binary), this.payload])
    return this.webSocket
  }
}

/** What a connection hands its transport: a frame of its own, or one shared with a broadcast's other recipients. */
export type OutgoingFrame = Frame | BroadcastFrame

const TEXT_OPCODE = 0x1
const BINARY_OPCODE = 0x2
const FINAL_FRAGMENT = 0x80

function webSocketFrameHeader(length: number, binary: boolean): Buffer {
  const first = FINAL_FRAGMENT | (binary ? BINARY_OPCODE : TEXT_OPCODE)
  // The payload length takes 7 bits, or 126 and 16 bits, or 127 and 64 bits.
  if (length < 126) return Buffer.from([first, length])
  if (length < 65536) {
    const header = Buffer.alloc(4)
    header[0] = first
    header[1] = 126
    header.writeUInt16BE(length, 2)
    return header
  }
  const header = Buffer.alloc(10)
  header[0] = first
  header[1] = 127
  header.writeBigUInt64BE(BigInt(length), 2)
  return header
}
