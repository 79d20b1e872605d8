import { encode } from '@msgpack/msgpack'
import { describe, expect, it } from 'vitest'
import { MessagePackHubProtocol, MessageType, type HubMessage } from '../../../server/signalr/protocol'
import { lengthPrefixed, splitMsgpackFrames } from '../../support/signalr/wire'

const msgpack = new MessagePackHubProtocol()
const LIMIT = 32 * 1024
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')
const written = (message: HubMessage) => splitMsgpackFrames(msgpack.write(message))
const parseArray = (array: unknown[]) => msgpack.parse(lengthPrefixed(encode(array)), LIMIT).messages

/** Each message type as the server writes it: the arrays of ASP.NET Core's MessagePackHubProtocolWorker. */
const WRITTEN: Array<[string, HubMessage, unknown[]]> = [
  ['1 Invocation, non-blocking: nil id and an empty stream id array', { type: 1, target: 'T', arguments: [1] }, [1, {}, null, 'T', [1], []]],
  ['1 Invocation, everything', { type: 1, headers: { k: 'v' }, invocationId: '7', target: 'T', arguments: [], streamIds: ['s'] }, [1, { k: 'v' }, '7', 'T', [], ['s']]],
  ['2 StreamItem', { type: 2, invocationId: '1', item: { a: [1] } }, [2, {}, '1', { a: [1] }]],
  ['3 Completion with a result: kind 3', { type: 3, invocationId: '1', result: 'x' }, [3, {}, '1', 3, 'x']],
  ['3 Completion of a void method: kind 3 with nil', { type: 3, invocationId: '1', result: null }, [3, {}, '1', 3, null]],
  ['3 Completion ending a stream: kind 2', { type: 3, invocationId: '1' }, [3, {}, '1', 2]],
  ['3 Completion with an error: kind 1', { type: 3, invocationId: '1', error: 'boom' }, [3, {}, '1', 1, 'boom']],
  ['4 StreamInvocation', { type: 4, invocationId: '2', target: 'S', arguments: [3] }, [4, {}, '2', 'S', [3], []]],
  ['5 CancelInvocation', { type: 5, invocationId: '2' }, [5, {}, '2']],
  ['6 Ping', { type: 6 }, [6]],
  ['7 Close', { type: 7 }, [7, null, false]],
  ['7 Close with an empty error: nil', { type: 7, error: '', allowReconnect: true }, [7, null, true]],
  ['7 Close with an error', { type: 7, error: 'bad', allowReconnect: true }, [7, 'bad', true]],
  ['8 Ack', { type: 8, sequenceId: 3 }, [8, 3]],
  ['9 Sequence', { type: 9, sequenceId: 300 }, [9, 300]],
]

describe('MessagePackHubProtocol: writing', () => {
  it.each(WRITTEN)('%s', (_, message, array) => {
    expect(written(message)).toEqual([array])
  })

  it.each([
    ['Ping', { type: MessageType.Ping }, '029106'],
    ['plain Close', { type: MessageType.Close }, '049307c0c2'],
    ['void completion', { type: MessageType.Completion, invocationId: '1', result: null }, '07950380a13103c0'],
    ['stream-end completion', { type: MessageType.Completion, invocationId: '1' }, '06940380a13102'],
  ] as Array<[string, HubMessage, string]>)('%s bytes, with the length prefix', (_, message, bytes) => {
    expect(hex(msgpack.write(message))).toBe(bytes)
  })

  it('writes headers as an empty map when there are none, and never on Ping, Close, Ack or Sequence', () => {
    expect(hex(msgpack.write({ type: 5, invocationId: '1' })).slice(2, 8)).toBe('930580')
    for (const message of [{ type: 6 }, { type: 7 }, { type: 8, sequenceId: 1 }, { type: 9, sequenceId: 1 }] as HubMessage[]) {
      expect(written(message)[0]).not.toContainEqual({})
    }
  })
})

describe('MessagePackHubProtocol: round trips', () => {
  it.each(WRITTEN)('%s', (_, message) => {
    const frame = msgpack.write(message)
    const { messages, consumed } = msgpack.parse(frame, LIMIT)
    const expected: Record<string, unknown> = { ...message }
    // Nil and empty on the wire come back as absent.
    if (message.type === MessageType.Close && !message.error) delete expected.error
    if (message.type === MessageType.Close && !message.allowReconnect) expected.allowReconnect = false
    expect(messages).toEqual([expected])
    expect(consumed).toBe(frame.length)
  })
})

describe('MessagePackHubProtocol: reading', () => {
  it('an Invocation of five elements, as the official client writes it without streams', () => {
    expect(parseArray([1, {}, '0', 'T', ['a']])).toEqual([{ type: 1, invocationId: '0', target: 'T', arguments: ['a'] }])
  })

  it('a nil invocation id is a non-blocking invocation', () => {
    expect(parseArray([1, {}, null, 'T', []])).toEqual([{ type: 1, target: 'T', arguments: [] }])
  })

  it('a Close of two elements, as the official client writes it', () => {
    expect(parseArray([7, null])).toEqual([{ type: 7 }])
    expect(parseArray([7, 'why', true])).toEqual([{ type: 7, error: 'why', allowReconnect: true }])
  })

  it('each completion result kind', () => {
    expect(parseArray([3, {}, '1', 1, 'failed'])).toEqual([{ type: 3, invocationId: '1', error: 'failed' }])
    expect(parseArray([3, {}, '1', 2])).toEqual([{ type: 3, invocationId: '1' }])
    expect(parseArray([3, {}, '1', 3, null])).toEqual([{ type: 3, invocationId: '1', result: null }])
  })

  it('refuses an unknown completion result kind', () => {
    expect(() => parseArray([3, {}, '1', 4, null])).toThrow('Invalid invocation result kind.')
  })

  it('reads headers', () => {
    expect(parseArray([5, { a: 'b' }, '1'])).toEqual([{ type: 5, headers: { a: 'b' }, invocationId: '1' }])
  })

  it('ignores messages of unknown types but consumes them', () => {
    const bytes = Uint8Array.from([...lengthPrefixed(encode([42, 'x'])), ...lengthPrefixed(encode([6]))])
    expect(msgpack.parse(bytes, LIMIT)).toEqual({ messages: [{ type: 6 }], consumed: bytes.length })
  })

  it.each([
    ['not an array', 'x'],
    ['an empty array', []],
    ['an Invocation without arguments', [1, {}, '1', 'T']],
    ['a StreamItem without an item', [2, {}, '1']],
    ['an Ack without a sequence id', [8]],
  ])('refuses %s', (_, value) => {
    expect(() => msgpack.parse(lengthPrefixed(encode(value)), LIMIT)).toThrow()
  })

  it('refuses bytes that are not MessagePack', () => {
    expect(() => msgpack.parse(Uint8Array.from([0x01, 0xc1]), LIMIT)).toThrow('Error reading MessagePack data.')
  })

  it('decodes values as plain data', () => {
    const [message] = parseArray([2, {}, '1', { nested: [1, 2.5, true, null, 'é'] }])
    expect(message).toEqual({ type: 2, invocationId: '1', item: { nested: [1, 2.5, true, null, 'é'] } })
  })
})
