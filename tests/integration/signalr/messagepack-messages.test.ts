import { encode } from '@msgpack/msgpack'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHubServer, type TestHubServer } from '../../support/signalr/test-server'
import { RawHubClient } from '../../support/signalr/raw-hub-client'
import { lengthPrefixed, varint } from '../../support/signalr/wire'

const LIMIT = 32 * 1024
const CLOSED_WITH_ERROR = [7, 'Connection closed with an error.', true]

/** An Echo invocation whose length prefix and body together are exactly `size` bytes. */
function echoFrameOfSize(size: number): Uint8Array {
  for (let padding = size - 40; ; padding++) {
    const frame = lengthPrefixed(encode([1, {}, '1', 'Echo', ['x'.repeat(padding)]]))
    if (frame.length === size) return frame
    if (frame.length > size) throw new Error(`No Echo frame of exactly ${size} bytes`)
  }
}

/**
 * MessagePack hub messages as the server writes them: the array layouts and completion
 * result kinds of ASP.NET Core's MessagePackHubProtocolWorker, checked as decoded values and,
 * where the notes give them, as bytes.
 */
describe('MessagePack hub messages on the wire', () => {
  let server: TestHubServer
  beforeAll(async () => {
    server = await startTestHubServer()
  })
  afterAll(() => server.close())

  let client: RawHubClient
  const connect = async () => {
    client = await RawHubClient.connect(server.hubUrl, { protocol: 'messagepack' })
    return client
  }

  describe('completions', () => {
    it('a value: result kind 3 with the value', async () => {
      await connect()
      client.send([1, {}, '1', 'Add', [20, 22]])
      expect(await client.nextNonPing()).toEqual([3, {}, '1', 3, 42])
      client.close()
    })

    it('a method without a value: result kind 3 with nil, exactly 95 03 80 a1 31 03 c0', async () => {
      await connect()
      client.send([1, {}, '1', 'DoNothing', []])
      const frame = await client.socket.nextFrame()
      expect(frame.data.toString('hex')).toBe('07' + '950380a13103c0')
      client.close()
    })

    it('an error: result kind 1 with the text', async () => {
      await connect()
      client.send([1, {}, '1', 'Throw', []])
      expect(await client.nextNonPing()).toEqual([3, {}, '1', 1, 'An unexpected error occurred invoking \'Throw\' on the server.'])
      client.close()
    })

    it('the end of a stream: result kind 2 and nothing after it', async () => {
      await connect()
      client.send([4, {}, 's', 'Counter', [2, 0]])
      expect([await client.nextNonPing(), await client.nextNonPing(), await client.nextNonPing()]).toEqual([
        [2, {}, 's', 0],
        [2, {}, 's', 1],
        [3, {}, 's', 2],
      ])
      client.close()
    })

    it('an upload stream is fed by StreamItems and ended by the client\'s void completion (kind 2)', async () => {
      await connect()
      client.send([1, {}, '1', 'Sum', [], ['up']])
      client.send([2, {}, 'up', 5])
      client.send([2, {}, 'up', 6])
      client.send([3, {}, 'up', 2])
      expect(await client.nextNonPing()).toEqual([3, {}, '1', 3, 11])
      client.close()
    })
  })

  describe('invocations', () => {
    it('the server writes all six elements: nil invocation id and an empty stream id array', async () => {
      await connect()
      client.send([1, {}, '1', 'CallMeBack', ['hi']])
      expect(await client.nextNonPing()).toEqual([1, {}, null, 'CalledBack', ['hi', { length: 2 }], []])
      client.close()
    })

    it('reads five or six elements, as the official client writes either', async () => {
      await connect()
      client.send([1, {}, '1', 'Echo', ['five']])
      client.send([1, {}, '2', 'Echo', ['six'], []])
      expect([await client.nextNonPing(), await client.nextNonPing()]).toEqual([
        [3, {}, '1', 3, 'five'],
        [3, {}, '2', 3, 'six'],
      ])
      client.close()
    })

    it('headers sent by the client are accepted', async () => {
      await connect()
      client.send([1, { trace: 'abc' }, '1', 'Echo', ['with headers']])
      expect(await client.nextNonPing()).toEqual([3, {}, '1', 3, 'with headers'])
      client.close()
    })

    it('a nil invocation id is a non-blocking call: nothing comes back', async () => {
      await connect()
      client.send([1, {}, null, 'Echo', ['no answer']])
      client.send([1, {}, '2', 'Echo', ['answer']])
      expect(await client.nextNonPing()).toEqual([3, {}, '2', 3, 'answer'])
      client.close()
    })
  })

  describe('Close', () => {
    it('the client\'s [7, nil] is answered [7, nil, false]: exactly 03 93 07 c0 c2', async () => {
      await connect()
      client.send([7, null])
      const { frames, close } = await client.socket.framesUntilClose()
      expect(frames.map(frame => frame.data.toString('hex'))).toEqual(['04' + '9307c0c2'])
      expect(close.code).toBe(1000)
    })

    it('undecodable MessagePack closes with [7, error, true]', async () => {
      await connect()
      client.socket.send(Uint8Array.from([0x01, 0xc1]))
      expect((await client.untilClose()).messages).toEqual([CLOSED_WITH_ERROR])
    })

    it('an unknown completion result kind closes with [7, error, true]', async () => {
      await connect()
      client.send([3, {}, 'up', 9, null])
      expect((await client.untilClose()).messages).toEqual([CLOSED_WITH_ERROR])
    })
  })

  describe('the 32 KB message limit counts the length prefix', () => {
    it('prefix and body of 32768 bytes are accepted', async () => {
      await connect()
      client.socket.send(echoFrameOfSize(LIMIT))
      const completion = await client.nextNonPing() as unknown[]
      expect(completion.slice(0, 4)).toEqual([3, {}, '1', 3])
      client.close()
    })

    it('one byte more closes the connection', async () => {
      await connect()
      client.socket.send(echoFrameOfSize(LIMIT + 1))
      expect((await client.untilClose()).messages).toEqual([CLOSED_WITH_ERROR])
    })

    it('a length prefix of more than five bytes closes the connection', async () => {
      await connect()
      client.socket.send(Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x01]))
      expect((await client.untilClose()).messages).toEqual([CLOSED_WITH_ERROR])
    })

    it('a prefix announcing more than the limit closes the connection before the body arrives', async () => {
      await connect()
      client.socket.send(varint(LIMIT * 4))
      expect((await client.untilClose()).messages).toEqual([CLOSED_WITH_ERROR])
    })
  })
})
