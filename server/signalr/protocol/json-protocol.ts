import type { HubProtocol, ParseResult } from './hub-protocol'
import { MessageType, ProtocolError, type HubMessage } from './messages'
import { toHubMessage } from './message-validation'
import { RECORD_SEPARATOR, readRecords } from './text-framing'

/** The `json` hub protocol: one JSON object per message, each followed by the record separator. */
export class JsonHubProtocol implements HubProtocol {
  readonly name = 'json'
  readonly version = 2
  readonly transferFormat = 'Text'

  parse(input: Uint8Array, maxMessageSize: number, maxMessages = Infinity): ParseResult {
    const { records, consumed } = readRecords(input, maxMessageSize, maxMessages)
    const messages: HubMessage[] = []
    for (const record of records) {
      let raw: unknown
      try {
        raw = JSON.parse(record)
      }
      catch {
        throw new ProtocolError('Error reading JSON.')
      }
      const message = toHubMessage(raw)
      if (message) messages.push(message)
    }
    return { messages, consumed }
  }

  write(message: HubMessage): string {
    return JSON.stringify(toWireObject(message)) + RECORD_SEPARATOR
  }
}

/** Field order matches ASP.NET Core's writer; `result: undefined` must still mean "no result". */
function toWireObject(message: HubMessage): Record<string, unknown> {
  if (message.type === MessageType.Completion) {
    const { type, headers, invocationId, error } = message
    const wire: Record<string, unknown> = { type, ...(headers && { headers }), invocationId }
    if (error !== undefined) wire.error = error
    else if ('result' in message) wire.result = message.result ?? null
    return wire
  }
  if (message.type === MessageType.Close) {
    return { type: message.type, ...(message.error != null && { error: message.error }), ...(message.allowReconnect && { allowReconnect: true }) }
  }
  return message as unknown as Record<string, unknown>
}
