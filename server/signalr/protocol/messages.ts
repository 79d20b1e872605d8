/**
 * The SignalR hub protocol's messages, independent of their encoding.
 * Field names follow the JSON protocol; the MessagePack codec maps them to its arrays.
 */
export enum MessageType {
  Invocation = 1,
  StreamItem = 2,
  Completion = 3,
  StreamInvocation = 4,
  CancelInvocation = 5,
  Ping = 6,
  Close = 7,
  Ack = 8,
  Sequence = 9,
}

export type MessageHeaders = Record<string, string>

interface WithHeaders {
  headers?: MessageHeaders
}

export interface InvocationMessage extends WithHeaders {
  type: MessageType.Invocation
  invocationId?: string
  target: string
  arguments: unknown[]
  streamIds?: string[]
}

export interface StreamInvocationMessage extends WithHeaders {
  type: MessageType.StreamInvocation
  invocationId: string
  target: string
  arguments: unknown[]
  streamIds?: string[]
}

export interface StreamItemMessage extends WithHeaders {
  type: MessageType.StreamItem
  invocationId: string
  item: unknown
}

/** `result` present (even `null`) means a value; `error` means failure; neither means void. */
export interface CompletionMessage extends WithHeaders {
  type: MessageType.Completion
  invocationId: string
  result?: unknown
  error?: string
}

export interface CancelInvocationMessage extends WithHeaders {
  type: MessageType.CancelInvocation
  invocationId: string
}

export interface PingMessage {
  type: MessageType.Ping
}

export interface CloseMessage {
  type: MessageType.Close
  error?: string
  allowReconnect?: boolean
}

export interface AckMessage {
  type: MessageType.Ack
  sequenceId: number
}

export interface SequenceMessage {
  type: MessageType.Sequence
  sequenceId: number
}

export type HubMessage
  = | InvocationMessage
    | StreamInvocationMessage
    | StreamItemMessage
    | CompletionMessage
    | CancelInvocationMessage
    | PingMessage
    | CloseMessage
    | AckMessage
    | SequenceMessage

/** Messages that stateful reconnect numbers, buffers and replays (everything but the connection's own chatter). */
export function isSequencedMessage(message: HubMessage): boolean {
  switch (message.type) {
    case MessageType.Invocation:
    case MessageType.StreamItem:
    case MessageType.Completion:
    case MessageType.StreamInvocation:
    case MessageType.CancelInvocation:
      return true
    default:
      return false
  }
}

/** Raised by a codec when bytes on the wire are not a valid message; the connection is closed with its text. */
export class ProtocolError extends Error {
  override name = 'InvalidDataException'
}

/** A client sent a single message over the configured size limit. */
export class MessageTooLargeError extends ProtocolError {
  constructor(maxMessageSize: number) {
    super(`The maximum message size of ${maxMessageSize}B was exceeded. The message size can be configured in AddHubOptions.`)
  }
}
