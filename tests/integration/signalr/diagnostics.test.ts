import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Socket } from 'node:net'
import { buildClient } from '../../support/signalr/clients'
import { RawHubClient } from '../../support/signalr/raw-hub-client'
import { recordingDiagnostics as recorders } from '../../support/signalr/recording-diagnostics'
import { RawSocket } from '../../support/signalr/raw-socket'
import { startTestHubServer, type TestHubServer } from '../../support/signalr/test-server'
import { waitFor } from '../../support/signalr/wait'
import { handshakeFrame } from '../../support/signalr/wire'

describe('the hub server reports to its logger and metrics', () => {
  let server: TestHubServer
  const { entries, logger, metrics, count } = recorders()
  beforeAll(async () => {
    server = await startTestHubServer({ logger, metrics })
  })
  afterAll(() => server.close())

  it('a method that throws: the client keeps ASP.NET Core\'s text, the log gets the error once with a correlation id', async () => {
    const connection = buildClient(server.hubUrl)
    await connection.start()
    await expect(connection.invoke('Throw')).rejects.toThrow('An unexpected error occurred invoking \'Throw\' on the server.')
    await expect(connection.invoke('ThrowHubError', 'meant for the client')).rejects.toThrow('HubException: meant for the client')
    await connection.stop()

    const errors = entries.filter(entry => entry.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]!.message).toBe('Hub method Throw threw')
    expect(errors[0]!.fields).toMatchObject({ method: 'Throw', userId: 'alice' })
    expect(errors[0]!.fields.correlationId).toMatch(/^[0-9a-f-]{36}$/)
    expect((errors[0]!.fields.error as Error).message).toBe('secret internal detail')
  })

  it('counts connections by transport and protocol, and messages both ways', async () => {
    const connection = buildClient(server.hubUrl, { transport: 'LongPolling', protocol: 'messagepack' })
    await connection.start()
    expect(count('open LongPolling messagepack')).toBe(1)
    const inBefore = count('in messagepack')
    const outBefore = count('out messagepack')
    await connection.invoke('Echo', 'hello')
    expect(count('in messagepack')).toBe(inBefore + 1)
    expect(count('out messagepack')).toBeGreaterThan(outBefore)
    await connection.stop()
    expect(count('open LongPolling messagepack')).toBe(0)
  })

  it('a refused handshake is logged with its reason', async () => {
    const socket = await RawSocket.open(server.hubUrl, { user: 'bob' })
    socket.send(handshakeFrame('xml'))
    await socket.framesUntilClose()
    expect(entries).toContainEqual(expect.objectContaining({
      level: 'warn',
      message: 'Hub handshake rejected',
      fields: expect.objectContaining({ kind: 'handshake-rejected', reason: 'The protocol \'xml\' is not supported.' }),
    }))
  })

  it('a WebSocket without a valid token is logged as refused, the token nowhere in it', async () => {
    await expect(RawSocket.open(server.hubUrl, { token: 'not-a-valid-secret', tokenIn: 'query' })).rejects.toThrow('WebSocket upgrade answered 401')
    expect(entries).toContainEqual(expect.objectContaining({ level: 'info', message: 'Hub WebSocket refused: missing or invalid access token' }))
    expect(JSON.stringify(entries)).not.toContain('not-a-valid-secret')
  })
})

describe('the hub server logs connections it ends for cause', () => {
  let server: TestHubServer
  const { entries, logger, metrics, count } = recorders()
  beforeAll(async () => {
    server = await startTestHubServer({
      logger, metrics, heartbeatIntervalMs: 25, clientTimeoutIntervalMs: 300, keepAliveIntervalMs: 60_000, maximumBufferedBytesPerClient: 256 * 1024,
    })
  })
  afterAll(() => server.close())

  const ofKind = (kind: string) => entries.filter(entry => entry.fields.kind === kind)

  it('a client that stops sending after its first ping: client timeout', async () => {
    const client = await RawHubClient.connect(server.hubUrl, { user: 'carol' })
    client.send({ type: 6 })
    await client.untilClose()
    expect(ofKind('client-timeout')).toEqual([{
      level: 'warn',
      message: 'Hub connection closed: the client stopped sending',
      fields: expect.objectContaining({ userId: 'carol', transport: 'WebSockets', reason: expect.stringContaining('ClientTimeoutInterval') }),
    }])
  })

  it('a client that reads nothing while the server sends: dropped as slow, and counted', async () => {
    const slow = await RawHubClient.connect(server.hubUrl, { user: 'dave' })
    const tcp = (slow.socket.ws as unknown as { _socket: Socket })._socket
    tcp.pause()
    slow.send({ type: 1, invocationId: '1', target: 'Flood', arguments: [2_000, 20_000] })
    await waitFor(() => ofKind('slow-client').length === 1, 'the slow client to be dropped')
    expect(ofKind('slow-client')[0]).toMatchObject({ level: 'warn', fields: { userId: 'dave' } })
    expect(count('slow')).toBe(1)
    slow.socket.terminate()
  })
})
