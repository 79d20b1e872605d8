import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHubServer, type TestHubServer } from '../../support/signalr/test-server'
import { RawSocket } from '../../support/signalr/raw-socket'
import { RawHubClient } from '../../support/signalr/raw-hub-client'
import { openLongPolling, poll } from '../../support/signalr/http-client'
import { handshakeFrame, jsonFrame } from '../../support/signalr/wire'

/**
 * Timers are configured a hundred times shorter than ASP.NET Core's defaults, with a fast
 * heartbeat; the tests wait for events, and only bound them generously.
 */
const FAST = { heartbeatIntervalMs: 25 }
const TIMED_OUT = { type: 7, error: 'Connection closed with an error.', allowReconnect: true }

describe('handshake timeout', () => {
  let server: TestHubServer
  beforeAll(async () => {
    server = await startTestHubServer({ ...FAST, handshakeTimeoutMs: 150 })
  })
  afterAll(() => server.close())

  it.each([
    ['nothing is sent', ''],
    ['the handshake never ends', '{"protocol":"json",'],
  ])('%s: answered "Handshake was canceled." and closed', async (_, partial) => {
    const socket = await RawSocket.open(server.hubUrl)
    if (partial) socket.send(partial)
    const { frames, close } = await socket.framesUntilClose()
    expect(frames.map(frame => frame.data.toString('utf8'))).toEqual([jsonFrame({ error: 'Handshake was canceled.' })])
    expect(close.code).toBe(1000)
  })
})

describe('keep-alive', () => {
  let server: TestHubServer
  beforeAll(async () => {
    server = await startTestHubServer({ ...FAST, keepAliveIntervalMs: 150, longPollTimeoutMs: 600 })
  })
  afterAll(() => server.close())

  it('json: an idle connection gets {"type":6} pings', async () => {
    const client = await RawHubClient.connect(server.hubUrl)
    for (let i = 0; i < 2; i++) expect((await client.socket.nextFrame()).data.toString('utf8')).toBe(jsonFrame({ type: 6 }))
    client.close()
  })

  it('messagepack: pings are exactly 02 91 06, in binary frames', async () => {
    const client = await RawHubClient.connect(server.hubUrl, { protocol: 'messagepack' })
    const frame = await client.socket.nextFrame()
    expect(frame.binary).toBe(true)
    expect(frame.data.toString('hex')).toBe('029106')
    client.close()
  })

  it('long polling gets no pings: an idle poll times out empty', async () => {
    const id = await openLongPolling(server.hubUrl, handshakeFrame('json'))
    const idle = await poll(server.hubUrl, id)
    expect(idle.status).toBe(200)
    expect(await idle.text()).toBe('')
  })
})

describe('client timeout', () => {
  let server: TestHubServer
  beforeAll(async () => {
    server = await startTestHubServer({ ...FAST, clientTimeoutIntervalMs: 300, keepAliveIntervalMs: 60_000 })
  })
  afterAll(() => server.close())

  it('after the client\'s first ping, silence closes the connection with a reconnectable error', async () => {
    const client = await RawHubClient.connect(server.hubUrl)
    client.send({ type: 6 })
    const { messages, close } = await client.untilClose()
    expect(messages).toEqual([TIMED_OUT])
    expect(close.code).toBe(1000)
  })

  it('the same in MessagePack: [7, error, true]', async () => {
    const client = await RawHubClient.connect(server.hubUrl, { protocol: 'messagepack' })
    client.send([6])
    const { messages } = await client.untilClose()
    expect(messages).toEqual([[7, TIMED_OUT.error, true]])
  })

  it('is not armed until the client pings: a silent client that never pinged stays connected', async () => {
    const client = await RawHubClient.connect(server.hubUrl)
    await sleep(1_000)
    expect(client.socket.isClosed).toBe(false)
    client.send({ type: 1, invocationId: '1', target: 'Echo', arguments: ['still here'] })
    expect(await client.nextNonPing()).toEqual({ type: 3, invocationId: '1', result: 'still here' })
    client.close()
  })

  it('any message from the client resets it', async () => {
    const client = await RawHubClient.connect(server.hubUrl)
    client.send({ type: 6 })
    // Several timeouts' worth of traffic, never a timeout's worth of silence.
    for (let i = 0; i < 20; i++) {
      await sleep(40)
      client.send(i % 2 ? { type: 6 } : { type: 1, target: 'Echo', arguments: ['fire and forget'] })
    }
    expect(client.socket.isClosed).toBe(false)
    const { messages } = await client.untilClose()
    expect(messages).toEqual([TIMED_OUT])
  })
})

describe('client timeout with detailed errors', () => {
  let server: TestHubServer
  beforeAll(async () => {
    server = await startTestHubServer({ ...FAST, clientTimeoutIntervalMs: 200, keepAliveIntervalMs: 60_000, enableDetailedErrors: true })
  })
  afterAll(() => server.close())

  it('says why', async () => {
    const client = await RawHubClient.connect(server.hubUrl)
    client.send({ type: 6 })
    const { messages } = await client.untilClose()
    expect(messages).toEqual([{
      ...TIMED_OUT,
      error: 'Connection closed with an error. OperationCanceledException: Client hasn\'t sent a message/ping within the configured ClientTimeoutInterval.',
    }])
  })
})
