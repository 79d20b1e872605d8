import { MessageType, ProtocolError, type HubMessage, type MessageHeaders } from './messages'

/**
 * Turns a decoded JSON object into a typed hub message, checking what both
 * codecs must check alike. Unknown message types yield null: newer clients may
 * send messages this server does not know, and the protocol says to ignore them.
 */
export function toHubMessage(raw: unknown): HubMessage | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ProtocolError('Message must be a JSON object.')
  }
  const fields = raw as Record<string, unknown>
  const type = fields.type
  if (type === undefined) throw new ProtocolError('Missing required property \'type\'.')
  if (typeof type !== 'number') throw new ProtocolError('Expected \'type\' to be of type Integer.')
  const headers = readHeaders(fields.headers)

  switch (type) {
    case MessageType.Invocation:
      return {
        type,
        ...(headers && { headers }),
        ...optionalString(fields, 'invocationId'),
        target: requiredString(fields, 'target'),
        arguments: requiredArray(fields, 'arguments'),
        ...optionalStreamIds(fields),
      }
    case MessageType.StreamInvocation:
      return {
        type,
        ...(headers && { headers }),
        invocationId: requiredString(fields, 'invocationId'),
        target: requiredString(fields, 'target'),
        arguments: requiredArray(fields, 'arguments'),
        ...optionalStreamIds(fields),
      }
    case MessageType.StreamItem:
      if (!('item' in fields)) throw new ProtocolError('Missing required property \'item\'.')
      return { type, ...(headers && { headers }), invocationId: requiredString(fields, 'invocationId'), item: fields.item }
    case MessageType.Completion: {
      const completion: HubMessage = { type, ...(headers && { headers }), invocationId: requiredString(fields, 'invocationId') }
      if (fields.error !== undefined && fields.error !== null) {
        if (typeof fields.error !== 'string') throw new ProtocolError('Expected \'error\' to be of type String.')
        if ('result' in fields) throw new ProtocolError('The \'error\' and \'result\' properties are mutually exclusive.')
        completion.error = fields.error
      }
      else if ('result' in fields) {
        completion.result = fields.result
      }
      return completion
    }
    case MessageType.CancelInvocation:
      return { type, ...(headers && { headers }), invocationId: requiredString(fields, 'invocationId') }
    case MessageType.Ping:
      return { type }
    case MessageType.Close:
      return {
        type,
        ...optionalString(fields, 'error'),
        ...(typeof fields.allowReconnect === 'boolean' && { allowReconnect: fields.allowReconnect }),
      }
    case MessageType.Ack:
      return { type, sequenceId: requiredInteger(fields, 'sequenceId') }
    case MessageType.Sequence:
      return { type, sequenceId: requiredInteger(fields, 'sequenceId') }
    default:
      return null
  }
}

function requiredString(fields: Record<string, unknown>, name: string): string {
  const value = fields[name]
  if (value === undefined || value === null) throw new ProtocolError(`Missing required property '${name}'.`)
  if (typeof value !== 'string') throw new ProtocolError(`Expected '${name}' to be of type String.`)
  return value
}

function optionalString(fields: Record<string, unknown>, name: string): Record<string, string> {
  const value = fields[name]
  if (value === undefined || value === null) return {}
  if (typeof value !== 'string') throw new ProtocolError(`Expected '${name}' to be of type String.`)
  return { [name]: value }
}

function requiredArray(fields: Record<string, unknown>, name: string): unknown[] {
  const value = fields[name]
  if (value === undefined || value === null) throw new ProtocolError(`Missing required property '${name}'.`)
  if (!Array.isArray(value)) throw new ProtocolError(`Expected '${name}' to be of type Array.`)
  return value
}

function requiredInteger(fields: Record<string, unknown>, name: string): number {
  const value = fields[name]
  if (value === undefined || value === null) throw new ProtocolError(`Missing required property '${name}'.`)
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new ProtocolError(`Expected '${name}' to be of type Integer.`)
  }
  return value
}

function optionalStreamIds(fields: Record<string, unknown>): { streamIds?: string[] } {
  const value = fields.streamIds
  if (value === undefined || value === null) return {}
  if (!Array.isArray(value) || !value.every(id => typeof id === 'string')) {
    throw new ProtocolError('Expected \'streamIds\' to be an array of strings.')
  }
  return value.length > 0 ? { streamIds: value } : {}
}

function readHeaders(value: unknown): MessageHeaders | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) throw new ProtocolError('Expected \'headers\' to be of type Object.')
  const headers: MessageHeaders = {}
  for (const [key, headerValue] of Object.entries(value)) {
    if (typeof headerValue !== 'string') throw new ProtocolError('Expected header values to be of type String.')
    headers[key] = headerValue
  }
  return Object.keys(headers).length > 0 ? headers : undefined
}
