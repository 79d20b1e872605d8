import { RECORD_SEPARATOR, RECORD_SEPARATOR_CODE } from './text-framing'

/** The handshake is JSON on every transport and for every hub protocol. */
export interface HandshakeRequest {
  protocol: string
  version: number
}

export type HandshakeParseResult
  = | { kind: 'incomplete' }
    | { kind: 'invalid', reason: string }
    | { kind: 'request', request: HandshakeRequest, remaining: Uint8Array }

const decoder = new TextDecoder()

/** Reads the handshake request from the start of `buffer`; bytes after it belong to the hub protocol. */
export function parseHandshakeRequest(buffer: Uint8Array): HandshakeParseResult {
  const end = buffer.indexOf(RECORD_SEPARATOR_CODE)
  if (end === -1) return { kind: 'incomplete' }
  const remaining = buffer.subarray(end + 1)
  const text = decoder.decode(buffer.subarray(0, end))
  let raw: unknown
  try {
    raw = JSON.parse(text)
  }
  catch {
    return { kind: 'invalid', reason: 'Error reading JSON.' }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { kind: 'invalid', reason: `Unexpected token when reading handshake request JSON. Message content: ${text}` }
  }
  const { protocol, version } = raw as Record<string, unknown>
  if (typeof protocol !== 'string') return { kind: 'invalid', reason: `Missing required property 'protocol'. Message content: ${text}` }
  if (typeof version !== 'number' || !Number.isSafeInteger(version)) {
    return { kind: 'invalid', reason: `Missing required property 'version'. Message content: ${text}` }
  }
  return { kind: 'request', request: { protocol, version }, remaining }
}

export function writeHandshakeResponse(error?: string): string {
  return (error === undefined ? '{}' : JSON.stringify({ error })) + RECORD_SEPARATOR
}
