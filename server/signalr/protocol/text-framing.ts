import { MessageTooLargeError, ProtocolError } from './messages'

/** The JSON protocol and the handshake end every message with the ASCII record separator. */
export const RECORD_SEPARATOR = '\u001e'
export const RECORD_SEPARATOR_CODE = 0x1e

const decoder = new TextDecoder('utf-8', { fatal: true })

/**
 * Splits up to `maxRecords` complete record-separated messages off the front of `input`. A
 * trailing partial message is left for the next read (`consumed` stops before it), and so is
 * everything after the `maxRecords`th record.
 */
export function readRecords(input: Uint8Array, maxMessageSize: number, maxRecords = Infinity): { records: string[], consumed: number } {
  const records: string[] = []
  let start = 0
  for (let end = input.indexOf(RECORD_SEPARATOR_CODE); end !== -1; end = input.indexOf(RECORD_SEPARATOR_CODE, start)) {
    if (records.length === maxRecords) return { records, consumed: start }
    // The separator counts: ASP.NET Core looks for it within the first maxMessageSize bytes.
    if (end + 1 - start > maxMessageSize) throw new MessageTooLargeError(maxMessageSize)
    try {
      records.push(decoder.decode(input.subarray(start, end)))
    }
    catch {
      throw new ProtocolError('Message is not valid UTF-8.')
    }
    start = end + 1
  }
  if (input.length - start > maxMessageSize) throw new MessageTooLargeError(maxMessageSize)
  return { records, consumed: start }
}
