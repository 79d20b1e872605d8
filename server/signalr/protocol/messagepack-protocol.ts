import { Decoder, Encoder } from '@msgpack/msgpack'
import type { HubProtocol, ParseResult } from './hub-protocol'
import { MessageType, ProtocolError, type HubMessage } from './messages'
import { toHubMessage } from './message-validation'
import { readLengthPrefixed, writeLengthPrefixed } from './binary-framing'

const enum CompletionResultKind {
  Error = 1,
  Void = 2,
  NonVoid = 3,
}

/**
 * The `messagepack` hub protocol: each message is a MessagePack array whose first
 * element is the message type, framed by a VarInt length prefix.
 */
export class MessagePackHubProtocol implements HubProtocol {
  readonly name = 'messagepack'
  readonly version = 2
  readonly transferFormat = 'Binary'

  private readonly encoder = new Encoder({ ignoreUndefined: true })
  private readonly decoder = new Decoder()

  parse(input: Uint8Array, maxMessageSize: number, maxMessages = Infinity): ParseResult {
    const { payloads, consumed } = readLengthPrefixed(input, maxMessageSize, maxMessages)
    const messages: HubMessage[] = []
    for (const payload of payloads) {
      let decoded: unknown
      try {
        decoded = this.decoder.decode(payload)
      }
      catch {
        throw new ProtocolError('Error reading MessagePack data.')
      }
      const message = toHubMessage(fromArray(decoded))
      if (message) messages.push(message)
    }
    return { messages, consumed }
  }

  write(message: HubMessage): Uint8Array {
    return writeLengthPrefixed(this.encoder.encode(toArray(message)))
  }
}

/** Names the positional fields so the codecs share one validation. */
function fromArray(decoded: unknown): Record<string, unknown> {
  if (!Array.isArray(decoded) || decoded.length === 0) throw new ProtocolError('Message must be a MessagePack array.')
  const [type, ...rest] = decoded as [unknown, ...unknown[]]
  const expect = (count: number, what: string) => {
    if (rest.length < count) throw new ProtocolError(`Invalid payload for ${what} message.`)
  }
  switch (type) {
    case MessageType.Invocation:
    case MessageType.StreamInvocation: {
      expect(4, type === MessageType.Invocation ? 'Invocation' : 'StreamInvocation')
      const [headers, invocationId, target, args, streamIds] = rest
      return { type, headers, invocationId, target, arguments: args, streamIds }
    }
    case MessageType.StreamItem: {
      expect(3, 'StreamItem')
      const [headers, invocationId, item] = rest
      return { type, headers, invocationId, item }
    }
    case MessageType.Completion: {
      expect(3, 'Completion')
      const [headers, invocationId, kind, value] = rest
      if (kind === CompletionResultKind.Void) return { type, headers, invocationId }
      expect(4, 'Completion')
      if (kind === CompletionResultKind.Error) return { type, headers, invocationId, error: value }
      if (kind === CompletionResultKind.NonVoid) return { type, headers, invocationId, result: value }
      throw new ProtocolError('Invalid invocation result kind.')
    }
    case MessageType.CancelInvocation: {
      expect(2, 'CancelInvocation')
      const [headers, invocationId] = rest
      return { type, headers, invocationId }
    }
    case MessageType.Close: {
      expect(1, 'Close')
      const [error, allowReconnect] = rest
      return { type, error, allowReconnect }
    }
    case MessageType.Ack:
    case MessageType.Sequence:
      expect(1, type === MessageType.Ack ? 'Ack' : 'Sequence')
      return { type, sequenceId: rest[0] }
    default:
      return { type }
  }
}

function toArray(message: HubMessage): unknown[] {
  switch (message.type) {
    case MessageType.Invocation:
    case MessageType.StreamInvocation: {
      return [message.type, message.headers ?? {}, message.invocationId ?? null, message.target, message.arguments, message.streamIds ?? []]
    }
    case MessageType.StreamItem:
      return [message.type, message.headers ?? {}, message.invocationId, message.item]
    case MessageType.Completion:
      if (message.error !== undefined) return [message.type, message.headers ?? {}, message.invocationId, CompletionResultKind.Error, message.error]
      if ('result' in message) return [message.type, message.headers ?? {}, message.invocationId, CompletionResultKind.NonVoid, message.result ?? null]
      return [message.type, message.headers ?? {}, message.invocationId, CompletionResultKind.Void]
    case MessageType.CancelInvocation:
      return [message.type, message.headers ?? {}, message.invocationId]
    case MessageType.Ping:
      return [message.type]
    case MessageType.Close:
      return [message.type, message.error || null, message.allowReconnect === true]
    case MessageType.Ack:
    case MessageType.Sequence:
      return [message.type, message.sequenceId]
  }
}
