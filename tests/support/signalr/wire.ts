import { decode, encode } from '@msgpack/msgpack'

/**
 * Hub-protocol framing written independently of the server's codecs, so that wire tests
 * check the bytes against the specification rather than against the code under test.
 */

/** Ends every JSON hub message and every handshake. */
export const RS = '\u001e'

export function jsonFrame(message: object): string {
  return JSON.stringify(message) + RS
}

export function handshakeFrame(protocol: string, version = 1): string {
  return jsonFrame({ protocol, version })
}

/** The JSON messages of a text frame; it must end with a record separator. */
export function splitJsonFrames(text: string): unknown[] {
  if (!text.endsWith(RS)) throw new Error(`Text frame does not end with a record separator: ${JSON.stringify(text)}`)
  return text.slice(0, -1).split(RS).map(record => JSON.parse(record) as unknown)
}

/** MessagePack's VarInt length prefix: 7 bits a byte, least significant first. */
export function varint(length: number): Uint8Array {
  const bytes: number[] = []
  do {
    let byte = length & 0x7f
    length = Math.floor(length / 128)
    if (length > 0) byte |= 0x80
    bytes.push(byte)
  } while (length > 0)
  return Uint8Array.from(bytes)
}

export function lengthPrefixed(payload: Uint8Array): Uint8Array<ArrayBuffer> {
  const prefix = varint(payload.length)
  const frame = new Uint8Array(prefix.length + payload.length)
  frame.set(prefix)
  frame.set(payload, prefix.length)
  return frame
}

/** One MessagePack hub message (an array) with its length prefix. */
export function msgpackFrame(message: unknown[]): Uint8Array<ArrayBuffer> {
  return lengthPrefixed(encode(message))
}

/** The decoded MessagePack messages of a binary frame; a partial message at the end is an error. */
export function splitMsgpackFrames(bytes: Uint8Array): unknown[] {
  const messages: unknown[] = []
  let offset = 0
  while (offset < bytes.length) {
    let length = 0
    let shift = 0
    let byte: number
    do {
      if (offset >= bytes.length) throw new Error('Binary frame ends inside a length prefix')
      byte = bytes[offset++]!
      length += (byte & 0x7f) * 2 ** shift
      shift += 7
    } while (byte & 0x80)
    if (offset + length > bytes.length) throw new Error('Binary frame ends inside a message')
    messages.push(decode(bytes.subarray(offset, offset + length)))
    offset += length
  }
  return messages
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(parts.reduce((size, part) => size + part.length, 0))
  let offset = 0
  for (const part of parts) {
    joined.set(part, offset)
    offset += part.length
  }
  return joined
}
