import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { JsonHubProtocol, MessagePackHubProtocol, MessageType, type HubMessage, type HubProtocol } from '../../../server/signalr/protocol'

const LIMIT = 2 ** 31

/**
 * Payload values: anything JSON carries, as JSON carries it (-0 becomes 0 on any wire).
 * MessagePack's decoder refuses a `__proto__` key, as it should.
 */
const value = fc.jsonValue()
  .map(v => JSON.parse(JSON.stringify(v)) as unknown)
  .filter(v => !JSON.stringify(v).includes('"__proto__"'))
const id = fc.string({ minLength: 1, maxLength: 8 })
const headers = fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { minKeys: 1, maxKeys: 2 })
  .filter(h => !('__proto__' in h && Object.hasOwn(h, '__proto__')))

/** Drops the keys whose value is undefined, as the message constructors in the server do. */
const defined = <T extends object>(message: T) => Object.fromEntries(Object.entries(message).filter(([, v]) => v !== undefined)) as T

const hubMessage: fc.Arbitrary<HubMessage> = fc.oneof(
  fc.record({ type: fc.constant(1), headers: fc.option(headers, { nil: undefined }), invocationId: fc.option(id, { nil: undefined }), target: id, arguments: fc.array(value, { maxLength: 3 }), streamIds: fc.option(fc.array(id, { minLength: 1, maxLength: 2 }), { nil: undefined }) }),
  fc.record({ type: fc.constant(2), headers: fc.option(headers, { nil: undefined }), invocationId: id, item: value }),
  fc.record({ type: fc.constant(3), headers: fc.option(headers, { nil: undefined }), invocationId: id, result: value }),
  fc.record({ type: fc.constant(3), headers: fc.option(headers, { nil: undefined }), invocationId: id, error: fc.string() }),
  fc.record({ type: fc.constant(3), headers: fc.option(headers, { nil: undefined }), invocationId: id }),
  fc.record({ type: fc.constant(4), headers: fc.option(headers, { nil: undefined }), invocationId: id, target: id, arguments: fc.array(value, { maxLength: 3 }) }),
  fc.record({ type: fc.constant(5), headers: fc.option(headers, { nil: undefined }), invocationId: id }),
  fc.record({ type: fc.constant(6) }),
  fc.record({ type: fc.constant(7), error: fc.option(fc.string({ minLength: 1 }), { nil: undefined }), allowReconnect: fc.boolean() }),
  fc.record({ type: fc.constant(8), sequenceId: fc.nat() }),
  fc.record({ type: fc.constant(9), sequenceId: fc.nat() }),
).map(message => defined(message) as HubMessage)

/** What each protocol cannot tell apart on the wire. */
function asReadBack(protocol: HubProtocol, message: HubMessage): HubMessage {
  if (message.type !== MessageType.Close) return message
  if (protocol.name === 'json') return defined({ ...message, allowReconnect: message.allowReconnect || undefined })
  return defined({ ...message, allowReconnect: message.allowReconnect === true })
}

describe.each([new JsonHubProtocol(), new MessagePackHubProtocol()])('$name: what is written reads back the same', (protocol) => {
  it('for any message of any type', () => {
    fc.assert(fc.property(hubMessage, (message) => {
      const frame = protocol.write(message)
      const bytes = typeof frame === 'string' ? new TextEncoder().encode(frame) : frame
      expect(protocol.parse(bytes, LIMIT)).toEqual({ messages: [asReadBack(protocol, message)], consumed: bytes.length })
    }), { numRuns: 500 })
  })

  it('for several messages in one buffer, cut anywhere: the complete ones come back and the rest waits', () => {
    fc.assert(fc.property(fc.array(hubMessage, { minLength: 1, maxLength: 4 }), fc.nat(), (messages, cut) => {
      const frames = messages.map((message) => {
        const frame = protocol.write(message)
        return typeof frame === 'string' ? new TextEncoder().encode(frame) : frame
      })
      const all = Uint8Array.from(frames.flatMap(frame => [...frame]))
      const head = all.subarray(0, cut % (all.length + 1))
      let complete = 0
      let boundary = 0
      while (complete < frames.length && boundary + frames[complete]!.length <= head.length) boundary += frames[complete++]!.length
      expect(protocol.parse(head, LIMIT)).toEqual({
        messages: messages.slice(0, complete).map(message => asReadBack(protocol, message)),
        consumed: boundary,
      })
    }), { numRuns: 300 })
  })
})
