import type { HubMessage } from './messages'

export interface ParseResult {
  messages: HubMessage[]
  consumed: number
}

export type TransferFormat = 'Text' | 'Binary'

/** A frame as it travels on a transport: text for the JSON protocol, bytes for MessagePack. */
export type Frame = string | Uint8Array

/**
 * A hub protocol only encodes and decodes. It knows nothing of connections or transports.
 * `parse` takes what the transport delivered, returns the complete messages at its front (at most
 * `maxMessages`) and how many bytes those used; the rest is left for a later call: messages not
 * wanted yet, or the start of one still arriving.
 */
export interface HubProtocol {
  readonly name: string
  /** The highest version this server speaks; clients may ask for any version from 1 up to it. */
  readonly version: number
  readonly transferFormat: TransferFormat
  parse(input: Uint8Array, maxMessageSize: number, maxMessages?: number): ParseResult
  write(message: HubMessage): Frame
}
