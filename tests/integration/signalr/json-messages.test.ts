import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHubServer, type TestHubServer } from '../../support/signalr/test-server'
import { RawHubClient } from '../../support/signalr/raw-hub-client'
import { RS } from '../../support/signalr/wire'

const LIMIT = 32 * 1024
const CLOSED_WITH_ERROR = { type: 7, error: 'Connection closed with an error.', allowReconnect: true }
const TOO_LARGE = 'InvalidDataException: The maximum message size of 32768B was exceeded. The message size can be configured in AddHubOptions.'

/** An Echo invocation whose JSON text (without the record separator) is exactly `size` bytes. */
function echoRecordOfSize(size: number, invocationId = '1'): string {
  const empty = JSON.stringify({ type: 1, invocationId, target: 'Echo', arguments: [''] })
  return JSON.stringify({ type: 1, invocationId, target: 'Echo', arguments: ['x'.repeat(size - empty.length)] })
}

describe('JSON hub messages on the wire', () => {
  let server: TestHubServer
  beforeAll(async () => {
    server = await startTestHubServer()
  })
  afterAll(() => server.close())

  async function connect(): Promise<RawHubClient> {
    return RawHubClient.connect(server.hubUrl)
  }

  describe('the 32 KB message limit', () => {
    it('a message that fits with its record separator (32768 bytes in all) is accepted', async () => {
      const client = await connect()
      const record = echoRecordOfSize(LIMIT - 1)
      client.socket.send(record + RS)
      const completion = await client.nextNonPing() as { result: string }
      expect(completion.result).toHaveLength(JSON.parse(record).arguments[0].length)
      client.close()
    })

    it('one byte more closes the connection with a reconnectable error', async () => {
      const client = await connect()
      client.socket.send(echoRecordOfSize(LIMIT) + RS)
      const { messages, close } = await client.untilClose()
      expect(messages).toEqual([CLOSED_WITH_ERROR])
      expect(close.code).toBe(1000)
    })

    it('an unterminated message growing past the limit across frames is refused too', async () => {
      const client = await connect()
      const record = echoRecordOfSize(LIMIT + 10_000)
      client.socket.send(record.slice(0, 20_000))
      client.socket.send(record.slice(20_000))
      expect((await client.untilClose()).messages).toEqual([CLOSED_WITH_ERROR])
    })

    it('the limit is per message: one frame may carry more than 32 KB of messages', async () => {
      const client = await connect()
      client.socket.send([1, 2, 3].map(n => echoRecordOfSize(20_000, String(n)) + RS).join(''))
      const ids = []
      for (let i = 0; i < 3; i++) ids.push((await client.nextNonPing() as { invocationId: string }).invocationId)
      expect(ids).toEqual(['1', '2', '3'])
      client.close()
    })
  })

  describe('malformed messages close the connection with a reconnectable error', () => {
    it.each([
      ['invalid JSON', `{"type":1,${RS}`],
      ['a JSON value that is not an object', `42${RS}`],
      ['a missing type', `{"target":"Echo","arguments":[]}${RS}`],
      ['a missing target', `{"type":1,"arguments":[]}${RS}`],
      ['arguments that are not an array', `{"type":1,"target":"Echo","arguments":"x"}${RS}`],
      ['a completion with both error and result', `{"type":3,"invocationId":"1","error":"e","result":1}${RS}`],
      ['a Sequence on a connection without stateful reconnect', `{"type":9,"sequenceId":1}${RS}`],
      ['invalid UTF-8', Buffer.concat([Buffer.from('{"type":1,"target":"Echo","arguments":["'), Buffer.from([0xff, 0xfe]), Buffer.from(`"]}${RS}`)])],
    ])('%s', async (_, payload) => {
      const client = await connect()
      client.socket.send(payload)
      const { messages, close } = await client.untilClose()
      expect(messages).toEqual([CLOSED_WITH_ERROR])
      expect(close.code).toBe(1000)
    })
  })

  it('a message of an unknown type is ignored', async () => {
    const client = await connect()
    client.send({ type: 99, payload: 'from a newer client' })
    client.send({ type: 1, invocationId: '1', target: 'Echo', arguments: ['after'] })
    expect(await client.nextNonPing()).toEqual({ type: 3, invocationId: '1', result: 'after' })
    client.close()
  })

  it('a Close from the client is answered {"type":7}, then the socket closes', async () => {
    const client = await connect()
    client.send({ type: 7 })
    const { messages, close } = await client.untilClose()
    expect(messages).toEqual([{ type: 7 }])
    expect(close.code).toBe(1000)
  })
})

describe('JSON hub messages with detailed errors', () => {
  let server: TestHubServer
  beforeAll(async () => {
    server = await startTestHubServer({ enableDetailedErrors: true })
  })
  afterAll(() => server.close())

  it.each([
    ['a message over the limit', echoRecordOfSize(LIMIT + 1) + RS, TOO_LARGE],
    ['invalid JSON', `{"type":1,${RS}`, 'InvalidDataException: Error reading JSON.'],
    ['a missing type', `{"target":"Echo","arguments":[]}${RS}`, 'InvalidDataException: Missing required property \'type\'.'],
    ['a missing target', `{"type":1,"arguments":[]}${RS}`, 'InvalidDataException: Missing required property \'target\'.'],
  ])('%s: the Close says why', async (_, payload, detail) => {
    const client = await RawHubClient.connect(server.hubUrl)
    client.socket.send(payload)
    expect((await client.untilClose()).messages).toEqual([{ ...CLOSED_WITH_ERROR, error: `${CLOSED_WITH_ERROR.error} ${detail}` }])
  })
})
