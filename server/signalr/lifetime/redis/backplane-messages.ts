import { Decoder, Encoder } from '@msgpack/msgpack'
import type { Audience } from '../lifetime-manager'
import type { PrincipalPattern } from '../principal-pattern'

/** What instances tell each other. An invocation carries its audience, resolved by each receiver. */
export type BackplaneMessage
  = | { type: 'invoke', audience: Audience, target: string, args: unknown[] }
    | { type: 'group', action: 'add' | 'remove', connectionId: string, group: string, replyTo: string, ackId: number }
    | { type: 'ack', ackId: number }
    | { type: 'close', patterns: PrincipalPattern[], error?: string }

// Undefined properties are dropped, as JSON.stringify drops them, so both hub protocols see the same payload.
const encoder = new Encoder({ ignoreUndefined: true })
const decoder = new Decoder()

/** Encoded once per message, whatever the number of instances and connections it reaches. */
export function encodeBackplaneMessage(message: BackplaneMessage): Buffer {
  const bytes = encoder.encode(message)
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

export function decodeBackplaneMessage(bytes: Uint8Array): BackplaneMessage {
  const message = decoder.decode(bytes) as BackplaneMessage | null
  if (!message || typeof message !== 'object' || typeof message.type !== 'string') throw new Error('Not a backplane message')
  return message
}
