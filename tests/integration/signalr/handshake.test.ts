import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHubServer, type TestHubServer } from '../../support/signalr/test-server'
import { RawSocket } from '../../support/signalr/raw-socket'
import { RawHubClient } from '../../support/signalr/raw-hub-client'
import { handshakeFrame, jsonFrame, RS } from '../../support/signalr/wire'

const MALFORMED = 'An unexpected error occurred during connection handshake.'

/**
 * Sends `handshake` on a fresh WebSocket and returns everything the server sent until it closed.
 * A refused handshake is answered with `{"error":…}` in a text frame and nothing else: no Close message.
 */
async function refusedHandshake(server: TestHubServer, handshake: string): Promise<{ frames: Array<{ text: string, binary: boolean }>, code: number }> {
  const socket = await RawSocket.open(server.hubUrl)
  socket.send(handshake)
  const { frames, close } = await socket.framesUntilClose()
  return { frames: frames.map(frame => ({ text: frame.data.toString('utf8'), binary: frame.binary })), code: close.code }
}

function errorFrame(error: string) {
  return { frames: [{ text: jsonFrame({ error }), binary: false }], code: 1000 }
}

describe('handshake', () => {
  let server: TestHubServer
  beforeAll(async () => {
    server = await startTestHubServer()
  })
  afterAll(() => server.close())

  describe('accepted', () => {
    it('json: answered {} in a text frame', async () => {
      const socket = await RawSocket.open(server.hubUrl)
      socket.send(handshakeFrame('json'))
      const answer = await socket.nextFrame()
      expect(answer).toMatchObject({ binary: false })
      expect(answer.data.toString('hex')).toBe('7b7d1e')
      socket.close()
    })

    it('messagepack: answered {} in a binary frame', async () => {
      const socket = await RawSocket.open(server.hubUrl)
      socket.send(handshakeFrame('messagepack'))
      const answer = await socket.nextFrame()
      expect(answer).toMatchObject({ binary: true })
      expect(answer.data.toString('hex')).toBe('7b7d1e')
      socket.close()
    })

    it.each(['JSON', 'Json', 'MessagePack'])('protocol names are matched without regard to case: %s', async (name) => {
      const socket = await RawSocket.open(server.hubUrl)
      socket.send(handshakeFrame(name))
      expect((await socket.nextFrame()).data.toString('utf8')).toBe(`{}${RS}`)
      socket.close()
    })

    it.each([0, 1, 2, -1])('version %i is accepted (the server takes any version up to its own, 2)', async (version) => {
      const client = await RawHubClient.connect(server.hubUrl, { version })
      client.send({ type: 1, invocationId: '1', target: 'Echo', arguments: ['v'] })
      expect(await client.nextNonPing()).toEqual({ type: 3, invocationId: '1', result: 'v' })
      client.close()
    })

    it('unknown properties are ignored', async () => {
      const socket = await RawSocket.open(server.hubUrl)
      socket.send(jsonFrame({ protocol: 'json', version: 1, extra: { nested: [1, 2] } }))
      expect((await socket.nextFrame()).data.toString('utf8')).toBe(`{}${RS}`)
      socket.close()
    })

    it('a handshake split across frames is put together', async () => {
      const socket = await RawSocket.open(server.hubUrl)
      const handshake = handshakeFrame('json')
      socket.send(handshake.slice(0, 10))
      socket.send(handshake.slice(10))
      expect((await socket.nextFrame()).data.toString('utf8')).toBe(`{}${RS}`)
      socket.close()
    })

    it('a message in the handshake\'s frame is processed after it', async () => {
      const client = await RawHubClient.connect(server.hubUrl, {
        afterHandshake: jsonFrame({ type: 1, invocationId: '1', target: 'Echo', arguments: ['right behind'] }),
      })
      expect(await client.nextNonPing()).toEqual({ type: 3, invocationId: '1', result: 'right behind' })
      client.close()
    })

    it('several messages in one frame are all processed, in order', async () => {
      const client = await RawHubClient.connect(server.hubUrl)
      client.socket.send([1, 2, 3].map(n => jsonFrame({ type: 1, invocationId: String(n), target: 'Add', arguments: [n, n] })).join(''))
      expect([await client.nextNonPing(), await client.nextNonPing(), await client.nextNonPing()]).toEqual([
        { type: 3, invocationId: '1', result: 2 },
        { type: 3, invocationId: '2', result: 4 },
        { type: 3, invocationId: '3', result: 6 },
      ])
      client.close()
    })
  })

  describe('refused, with ASP.NET Core\'s texts, then closed without a Close message', () => {
    it('an unknown protocol', async () => {
      expect(await refusedHandshake(server, handshakeFrame('xml'))).toEqual(errorFrame('The protocol \'xml\' is not supported.'))
    })

    it.each([
      ['json', 3],
      ['messagepack', 3],
      ['json', 2147483647],
    ])('%s version %i', async (protocol, version) => {
      expect(await refusedHandshake(server, handshakeFrame(protocol, version)))
        .toEqual(errorFrame(`The server does not support version ${version} of the '${protocol}' protocol.`))
    })

    it.each([
      ['not JSON', `hello${RS}`],
      ['an empty record', RS],
      ['an array', `[1,2]${RS}`],
      ['a missing version', `{"protocol":"json"}${RS}`],
      ['a missing protocol', `{"version":1}${RS}`],
      ['a string version', `{"protocol":"json","version":"1"}${RS}`],
      ['a numeric protocol', `{"protocol":1,"version":1}${RS}`],
      ['a fractional version', `{"protocol":"json","version":1.5}${RS}`],
    ])('a malformed handshake: %s', async (_, handshake) => {
      expect(await refusedHandshake(server, handshake)).toEqual(errorFrame(MALFORMED))
    })

    it('a handshake over the message size limit without a record separator', async () => {
      expect(await refusedHandshake(server, `{"protocol":"json","version":1${' '.repeat(40_000)}`)).toEqual(errorFrame('Handshake was canceled.'))
    })
  })
})

describe('handshake with detailed errors', () => {
  let server: TestHubServer
  beforeAll(async () => {
    server = await startTestHubServer({ enableDetailedErrors: true })
  })
  afterAll(() => server.close())

  it('a malformed handshake names what is wrong', async () => {
    expect(await refusedHandshake(server, `{"protocol":"json"}${RS}`))
      .toEqual(errorFrame(`${MALFORMED} InvalidDataException: Missing required property 'version'. Message content: {"protocol":"json"}`))
  })
})
