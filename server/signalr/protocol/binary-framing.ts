import { MessageTooLargeError, ProtocolError } from './messages'

/**
 * MessagePack frames are prefixed with their length as a VarInt: 7 bits a byte, least
 * significant first, high bit set while more bytes follow; at most 5 bytes (2 GB).
 */
const MAX_LENGTH_PREFIX_BYTES = 5

export function writeLengthPrefixed(payload: Uint8Array): Uint8Array {
  const prefix: number[] = []
  let length = payload.length
  do {
    let byte = length & 0x7f
    length >>>= 7
    if (length > 0) byte |= 0x80
    prefix.push(byte)
  } while (length > 0)
  const frame = new Uint8Array(prefix.length + payload.length)
  frame.set(prefix, 0)
  frame.set(payload, prefix.length)
  return frame
}

/**
 * Splits up to `maxPayloads` complete length-prefixed messages off the front of `input`. A
 * trailing partial message is left for the next read (`consumed` stops before it), and so is
 * everything after the `maxPayloads`th message.
 */
export function readLengthPrefixed(input: Uint8Array, maxMessageSize: number, maxPayloads = Infinity): { payloads: Uint8Array[], consumed: number } {
  const payloads: Uint8Array[] = []
  let offset = 0
  while (offset < input.length && payloads.length < maxPayloads) {
    let length = 0
    let prefixBytes = 0
    let byte = 0x80
    while ((byte & 0x80) !== 0) {
      if (prefixBytes === MAX_LENGTH_PREFIX_BYTES) throw new ProtocolError('Messages over 2GB in size are not supported.')
      if (offset + prefixBytes >= input.length) return { payloads, consumed: offset }
      byte = input[offset + prefixBytes]!
      length += (byte & 0x7f) * 2 ** (7 * prefixBytes)
      prefixBytes++
    }
    if (length > 0x7fffffff) throw new ProtocolError('Messages over 2GB in size are not supported.')
    // The prefix counts: ASP.NET Core parses within a window of the first maxMessageSize bytes.
    if (prefixBytes + length > maxMessageSize) throw new MessageTooLargeError(maxMessageSize)
    const start = offset + prefixBytes
    if (start + length > input.length) return { payloads, consumed: offset }
    payloads.push(input.subarray(start, start + length))
    offset = start + length
  }
  return { payloads, consumed: offset }
}
