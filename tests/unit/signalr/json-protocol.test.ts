import { describe, expect, it } from 'vitest'
import { JsonHubProtocol, MessageType, ProtocolError, type HubMessage } from '../../../server/signalr/protocol'
import { RS } from '../../support/signalr/wire'

const json = new JsonHubProtocol()
const LIMIT = 32 * 1024
const bytes = (text: string) => new TextEncoder().encode(text)
const parse = (text: string) => json.parse(bytes(text), LIMIT)

/** Each message type as the server writes it: ASP.NET Core's field set and order, compact, then the separator. */
const WRITTEN: Array<[string, HubMessage, string]> = [
  ['1 Invocation, non-blocking', { type: 1, target: 'T', arguments: [1, 'a'] }, '{"type":1,"target":"T","arguments":[1,"a"]}'],
  ['1 Invocation, everything', { type: 1, headers: { k: 'v' }, invocationId: '7', target: 'T', arguments: [], streamIds: ['s'] },
    '{"type":1,"headers":{"k":"v"},"invocationId":"7","target":"T","arguments":[],"streamIds":["s"]}'],
  ['2 StreamItem', { type: 2, invocationId: '1', item: { a: [1] } }, '{"type":2,"invocationId":"1","item":{"a":[1]}}'],
  ['2 StreamItem of null', { type: 2, invocationId: '1', item: null }, '{"type":2,"invocationId":"1","item":null}'],
  ['3 Completion with a result', { type: 3, invocationId: '1', result: 42 }, '{"type":3,"invocationId":"1","result":42}'],
  ['3 Completion of a void method', { type: 3, invocationId: '1', result: null }, '{"type":3,"invocationId":"1","result":null}'],
  ['3 Completion with result undefined (still a result)', { type: 3, invocationId: '1', result: undefined }, '{"type":3,"invocationId":"1","result":null}'],
  ['3 Completion ending a stream', { type: 3, invocationId: '1' }, '{"type":3,"invocationId":"1"}'],
  ['3 Completion with an error', { type: 3, invocationId: '1', error: 'boom' }, '{"type":3,"invocationId":"1","error":"boom"}'],
  ['4 StreamInvocation', { type: 4, invocationId: '2', target: 'S', arguments: [3] }, '{"type":4,"invocationId":"2","target":"S","arguments":[3]}'],
  ['5 CancelInvocation', { type: 5, invocationId: '2' }, '{"type":5,"invocationId":"2"}'],
  ['6 Ping', { type: 6 }, '{"type":6}'],
  ['7 Close', { type: 7 }, '{"type":7}'],
  ['7 Close, reconnect allowed', { type: 7, allowReconnect: true }, '{"type":7,"allowReconnect":true}'],
  ['7 Close, reconnect not allowed (omitted)', { type: 7, allowReconnect: false }, '{"type":7}'],
  ['7 Close with an error', { type: 7, error: 'bad', allowReconnect: true }, '{"type":7,"error":"bad","allowReconnect":true}'],
  ['7 Close with an empty error (still written)', { type: 7, error: '' }, '{"type":7,"error":""}'],
  ['8 Ack', { type: 8, sequenceId: 3 }, '{"type":8,"sequenceId":3}'],
  ['9 Sequence', { type: 9, sequenceId: 4 }, '{"type":9,"sequenceId":4}'],
]

describe('JsonHubProtocol: writing', () => {
  it.each(WRITTEN)('%s', (_, message, text) => {
    expect(json.write(message)).toBe(text + RS)
  })

  it('a Ping is exactly 7B 22 74 79 70 65 22 3A 36 7D 1E', () => {
    expect(Buffer.from(json.write({ type: MessageType.Ping })).toString('hex')).toBe('7b2274797065223a367d1e')
  })

  it('does not escape what ASP.NET Core\'s relaxed encoder leaves alone', () => {
    expect(json.write({ type: 2, invocationId: '1', item: '<\'+é>' })).toBe(`{"type":2,"invocationId":"1","item":"<'+é>"}${RS}`)
  })
})

describe('JsonHubProtocol: round trips', () => {
  it.each(WRITTEN)('%s', (_, message) => {
    const { messages, consumed } = parse(json.write(message) as string)
    const expected: Record<string, unknown> = { ...message }
    // What does not reach the wire does not come back: undefined results are nulls, a false allowReconnect is absent.
    if (message.type === MessageType.Completion && 'result' in message) expected.result = message.result ?? null
    if (message.type === MessageType.Close && !message.allowReconnect) delete expected.allowReconnect
    expect(messages).toEqual([expected])
    expect(consumed).toBe(bytes(json.write(message) as string).length)
  })

  it('keeps "result: null" apart from no result at all', () => {
    const [withNull, withoutResult] = parse(`{"type":3,"invocationId":"1","result":null}${RS}{"type":3,"invocationId":"2"}${RS}`).messages
    expect(withNull).toHaveProperty('result', null)
    expect(withoutResult).not.toHaveProperty('result')
  })
})

describe('JsonHubProtocol: reading', () => {
  it('takes fields in any order and skips unknown ones', () => {
    expect(parse(`{"arguments":[1],"extra":{"x":[]},"target":"T","invocationId":"0","type":1}${RS}`).messages)
      .toEqual([{ type: 1, invocationId: '0', target: 'T', arguments: [1] }])
  })

  it('reads several messages and leaves a partial one unconsumed', () => {
    const text = `{"type":6}${RS}{"type":6}${RS}{"type":`
    const { messages, consumed } = parse(text)
    expect(messages).toEqual([{ type: 6 }, { type: 6 }])
    expect(consumed).toBe(2 * `{"type":6}${RS}`.length)
  })

  it('reads no more than asked for and leaves the rest, however much, for later', () => {
    const ping = `{"type":6}${RS}`
    const { messages, consumed } = new JsonHubProtocol().parse(bytes(ping.repeat(3) + 'x'.repeat(100)), 32, 2)
    expect(messages).toEqual([{ type: 6 }, { type: 6 }])
    expect(consumed).toBe(2 * ping.length)
  })

  it('ignores messages of unknown types but consumes them', () => {
    const { messages, consumed } = parse(`{"type":42,"x":1}${RS}{"type":6}${RS}`)
    expect(messages).toEqual([{ type: 6 }])
    expect(consumed).toBe(bytes(`{"type":42,"x":1}${RS}{"type":6}${RS}`).length)
  })

  it('treats empty headers as none', () => {
    expect(parse(`{"type":5,"headers":{},"invocationId":"1"}${RS}`).messages).toEqual([{ type: 5, invocationId: '1' }])
  })

  it.each([
    ['{"target":"T","arguments":[]}', 'Missing required property \'type\'.'],
    ['{"type":1,"arguments":[]}', 'Missing required property \'target\'.'],
    ['{"type":1,"target":"T"}', 'Missing required property \'arguments\'.'],
    ['{"type":4,"target":"T","arguments":[]}', 'Missing required property \'invocationId\'.'],
    ['{"type":2,"invocationId":"1"}', 'Missing required property \'item\'.'],
    ['{"type":3}', 'Missing required property \'invocationId\'.'],
    ['{"type":3,"invocationId":"1","error":"e","result":1}', 'The \'error\' and \'result\' properties are mutually exclusive.'],
    ['{"type":8}', 'Missing required property \'sequenceId\'.'],
    ['{"type":9}', 'Missing required property \'sequenceId\'.'],
    ['{"type":1,', 'Error reading JSON.'],
  ])('refuses %s with "%s"', (record, error) => {
    expect(() => parse(record + RS)).toThrow(new ProtocolError(error))
  })

  describe('the message size limit counts the record separator', () => {
    const ping = (size: number) => `{"type":6,"pad":"${'x'.repeat(size - 19)}"}`

    it('a message of limit - 1 bytes plus its separator is accepted', () => {
      expect(ping(LIMIT - 1)).toHaveLength(LIMIT - 1)
      expect(parse(ping(LIMIT - 1) + RS).messages).toEqual([{ type: 6 }])
    })

    it('a message of limit bytes plus its separator is refused', () => {
      expect(() => parse(ping(LIMIT) + RS)).toThrow('The maximum message size of 32768B was exceeded.')
    })

    it('an unterminated message waits until it cannot fit any more', () => {
      expect(parse(ping(LIMIT)).consumed).toBe(0)
      expect(() => parse(ping(LIMIT + 1))).toThrow('The maximum message size of 32768B was exceeded.')
    })
  })
})
