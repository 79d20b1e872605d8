import type { Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHubServer, type TestHubServer } from '../../support/signalr/test-server'
import { buildClient } from '../../support/signalr/clients'
import { RawHubClient } from '../../support/signalr/raw-hub-client'
import { withTimeout } from '../../support/signalr/raw-socket'
import { waitFor } from '../../support/signalr/wait'

/** The TCP socket under a `ws` client; pausing it stops reading, so the server's sends pile up. */
function tcpSocketOf(client: RawHubClient): Socket {
  return (client.socket.ws as unknown as { _socket: Socket })._socket
}

describe('a slow consumer', () => {
  let server: TestHubServer
  beforeAll(async () => {
    server = await startTestHubServer({ maximumBufferedBytesPerClient: 256 * 1024 })
  })
  afterAll(() => server.close())

  it('is dropped once its unsent data passes the limit, while other clients keep working', async () => {
    const healthy = buildClient(server.hubUrl)
    await healthy.start()
    const slow = await RawHubClient.connect(server.hubUrl)
    expect(server.endpoint.connectionCount).toBe(2)

    tcpSocketOf(slow).pause()
    // 40 MB for a client that reads nothing: far beyond what the kernel's socket buffers absorb.
    slow.send({ type: 1, invocationId: '1', target: 'Flood', arguments: [2_000, 20_000] })
    await waitFor(() => server.endpoint.connectionCount === 1, 'the slow client to be dropped')

    expect(await healthy.invoke('Echo', 'unaffected')).toBe('unaffected')

    // Reading again, the dropped client finds its socket closed after what was already on its way.
    tcpSocketOf(slow).resume()
    await withTimeout(slow.socket.closed, 10_000, 'The dropped client\'s socket was not closed')
    await healthy.stop()
  })
})
