import type { HubConnection } from '@microsoft/signalr'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { buildClient, type ProtocolName } from '../../support/signalr/clients'
import { startTestHubServer, type TestHubServer } from '../../support/signalr/test-server'
import { waitFor } from '../../support/signalr/wait'

describe('reconnecting', () => {
  let server: TestHubServer
  const open: HubConnection[] = []
  beforeAll(async () => {
    server = await startTestHubServer()
  })
  afterEach(async () => {
    await Promise.all(open.splice(0).map(client => client.stop()))
  })
  afterAll(() => server.close())

  it('withAutomaticReconnect comes back after the server drops the socket', async () => {
    const client = buildClient(server.hubUrl, { automaticReconnect: [0, 100, 200] })
    open.push(client)
    await client.start()
    const firstId = client.connectionId
    const reconnecting = new Promise<void>(resolve => client.onreconnecting(() => resolve()))
    const reconnected = new Promise<string | undefined>(resolve => client.onreconnected(resolve))

    server.dropWebSockets()

    await reconnecting
    const newId = await reconnected
    expect(newId).toBeTruthy()
    expect(newId).not.toBe(firstId)
    expect(await client.invoke('Echo', 'back')).toBe('back')
  })

  it.each<ProtocolName>(['json', 'messagepack'])('stateful reconnect (%s) loses nothing across a dropped WebSocket', async (protocol) => {
    const client = buildClient(server.hubUrl, { protocol, statefulReconnect: true })
    open.push(client)
    const ticks: number[] = []
    client.on('Tick', (n: number) => ticks.push(n))
    let reconnecting = false
    client.onreconnecting(() => {
      reconnecting = true
    })
    await client.start()
    const connectionId = client.connectionId
    const socketsBefore = server.webSocketsOpened()

    const total = 60
    await client.invoke('StartTicks', total, 5)
    await waitFor(() => ticks.length >= 10, 'the first ticks')
    server.dropWebSockets()
    // Sent while the socket is down: buffered by the client, replayed on the new socket.
    const echoed = client.invoke('Echo', 'sent during the drop')
    server.dropWebSockets()

    expect(await echoed).toBe('sent during the drop')
    await waitFor(() => ticks.length >= total, 'every tick', 10_000)
    expect(ticks).toEqual(Array.from({ length: total }, (_, i) => i))
    expect(server.webSocketsOpened()).toBeGreaterThan(socketsBefore)
    // The same connection carried on: no new connection, no reconnecting state seen by the app.
    expect(client.connectionId).toBe(connectionId)
    expect(reconnecting).toBe(false)
  })
})

describe('liveness with the official client', () => {
  let server: TestHubServer
  afterEach(() => server?.close())

  it('keep-alive pings hold an idle connection open past the client\'s server timeout', async () => {
    server = await startTestHubServer({ keepAliveIntervalMs: 100, heartbeatIntervalMs: 50 })
    const client = buildClient(server.hubUrl, { serverTimeoutMs: 600, keepAliveMs: 100 })
    let closedWith: Error | undefined | null = null
    client.onclose((error) => {
      closedWith = error
    })
    await client.start()
    await new Promise(resolve => setTimeout(resolve, 1_500))
    expect(closedWith).toBeNull()
    expect(await client.invoke('Echo', 'alive')).toBe('alive')
    await client.stop()
  })

  it('the client gives up on a server that stops pinging', async () => {
    server = await startTestHubServer({ keepAliveIntervalMs: 60_000 })
    const client = buildClient(server.hubUrl, { serverTimeoutMs: 400, keepAliveMs: 100 })
    const closed = new Promise<Error | undefined>(resolve => client.onclose(resolve))
    await client.start()
    expect((await closed)?.message).toBe('Server timeout elapsed without receiving a message from the server.')
  })

  it('skipNegotiation opens a WebSocket straight away', async () => {
    server = await startTestHubServer()
    const client = buildClient(server.hubUrl, { skipNegotiation: true })
    await client.start()
    expect(await client.invoke('Add', 1, 1)).toBe(2)
    await client.stop()
  })
})
