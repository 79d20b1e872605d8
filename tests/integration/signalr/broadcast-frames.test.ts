import type { Socket } from 'node:net'
import type * as signalR from '@microsoft/signalr'
import { afterEach, describe, expect, it } from 'vitest'
import { buildClient, type ClientOptions } from '../../support/signalr/clients'
import { RawHubClient } from '../../support/signalr/raw-hub-client'
import { startTestHubServer, type TestHubServer } from '../../support/signalr/test-server'
import { waitFor } from '../../support/signalr/wait'

/**
 * A send to a group is encoded and framed once and the same bytes are written to every WebSocket
 * in it. These check what recipients see of that: whole messages in every protocol and transport,
 * the stateful-reconnect buffer, and the slow-client limit.
 */
describe('broadcast frames', () => {
  let server: TestHubServer
  const open: signalR.HubConnection[] = []

  afterEach(async () => {
    await Promise.all(open.splice(0).map(client => client.stop()))
    await server?.close()
  })

  /** A started official client in `group`, recording every `Big` event's text. */
  async function member(group: string, options: ClientOptions): Promise<{ client: signalR.HubConnection, received: string[] }> {
    const client = buildClient(server.hubUrl, options)
    open.push(client)
    const received: string[] = []
    client.on('Big', (text: string) => received.push(text))
    await client.start()
    await client.invoke('JoinGroup', group)
    return { client, received }
  }

  it('arrive whole over WebSockets (JSON and MessagePack) and the HTTP transports, at every WebSocket length encoding', async () => {
    server = await startTestHubServer()
    const members = await Promise.all([
      member('everyone', { protocol: 'json' }),
      member('everyone', { protocol: 'messagepack' }),
      member('everyone', { protocol: 'json', transport: 'ServerSentEvents' }),
      member('everyone', { protocol: 'messagepack', transport: 'LongPolling' }),
    ])
    // Around the 7-bit, 16-bit and 64-bit payload lengths, ending in a two-byte character so that
    // a length counted in characters rather than bytes would cut the message short.
    const texts = [0, 1, 120, 126, 65_530, 70_000].map(size => `${'x'.repeat(size)}é`)

    for (const text of texts) await server.endpoint.clients.group('everyone').send('Big', text)

    await waitFor(() => members.every(({ received }) => received.length === texts.length), 'every member to receive every message')
    for (const { received } of members) expect(received).toEqual(texts)
  })

  it.each(['json', 'messagepack'] as const)('are buffered for stateful reconnect (%s) and replayed once each, in order, after a dropped WebSocket', async (protocol) => {
    server = await startTestHubServer()
    const { client, received } = await member('ticks', { protocol, statefulReconnect: true })
    const connectionId = client.connectionId
    const group = server.endpoint.clients.group('ticks')
    const texts = Array.from({ length: 40 }, (_, i) => `tick ${i}`)

    for (const text of texts.slice(0, 20)) await group.send('Big', text)
    // Whatever was on its way on the old socket is lost with it, and sent again on the new one.
    server.dropWebSockets()
    for (const text of texts.slice(20)) await group.send('Big', text)

    await waitFor(() => received.length >= texts.length, 'every broadcast', 10_000)
    expect(received).toEqual(texts)
    expect(client.connectionId).toBe(connectionId)
  })

  it('drop a member that stops reading once its backlog passes the limit, while the rest of the group keeps receiving', async () => {
    server = await startTestHubServer({ maximumBufferedBytesPerClient: 256 * 1024 })
    const healthy = await member('crowd', { protocol: 'json' })
    const slow = await RawHubClient.connect(server.hubUrl)
    slow.send({ type: 1, invocationId: '1', target: 'JoinGroup', arguments: ['crowd'] })
    await slow.nextNonPing()
    expect(server.endpoint.connectionCount).toBe(2)

    // The TCP socket under the raw client: paused, the server's writes to it pile up.
    ;(slow.socket.ws as unknown as { _socket: Socket })._socket.pause()
    const text = 'y'.repeat(20_000)
    // Up to 40 MB to a client that reads nothing: far beyond what the kernel's socket buffers absorb.
    // Between sends the event loop turns, so the healthy member (in this process) reads its share.
    for (let i = 0; i < 2_000 && server.endpoint.connectionCount === 2; i++) {
      await server.endpoint.clients.group('crowd').send('Big', text)
      await new Promise(resolve => setImmediate(resolve))
    }

    await waitFor(() => server.endpoint.connectionCount === 1, 'the slow member to be dropped')
    expect(await healthy.client.invoke('Echo', 'unaffected')).toBe('unaffected')
    await server.endpoint.clients.group('crowd').send('Big', 'after the drop')
    await waitFor(() => healthy.received.at(-1) === 'after the drop', 'the healthy member to hear the next broadcast')
    expect(healthy.received.every(received => received === text || received === 'after the drop')).toBe(true)
  })
})
