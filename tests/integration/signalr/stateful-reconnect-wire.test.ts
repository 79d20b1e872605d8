import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHubServer, type TestHubServer } from '../../support/signalr/test-server'
import { negotiateId } from '../../support/signalr/http-client'
import { RawHubClient, messageType } from '../../support/signalr/raw-hub-client'

const STATEFUL = 'negotiateVersion=1&useStatefulReconnect=true'

/** Stateful reconnect's messages as a raw client sees them (the official client's behaviour is tested elsewhere). */
describe('stateful reconnect on the wire', () => {
  let server: TestHubServer
  beforeAll(async () => {
    server = await startTestHubServer({ heartbeatIntervalMs: 25, statefulReconnectBufferSize: 1_000 })
  })
  afterAll(() => server.close())

  async function connectStateful(): Promise<RawHubClient> {
    const id = await negotiateId(server.hubUrl, { query: STATEFUL })
    return RawHubClient.connect(server.hubUrl, { id, version: 2 })
  }

  it('the server acknowledges what it received with an Ack of the latest sequence id', async () => {
    const client = await connectStateful()
    client.send({ type: 1, invocationId: '1', target: 'Echo', arguments: ['a'] })
    client.send({ type: 1, invocationId: '2', target: 'Echo', arguments: ['b'] })
    const received = []
    for (;;) {
      const message = await client.nextNonPing()
      received.push(message)
      if (messageType(message) === 8 && (message as { sequenceId: number }).sequenceId === 2) break
    }
    expect(received).toContainEqual({ type: 3, invocationId: '2', result: 'b' })
    client.close()
  })

  it('a message bigger than the whole replay buffer is still delivered', async () => {
    const client = await connectStateful()
    await server.endpoint.clients.all.send('Big', 'x'.repeat(5_000))
    expect(await client.nextNonPing()).toEqual({ type: 1, target: 'Big', arguments: ['x'.repeat(5_000)] })
    client.close()
  })

  it('with stateful reconnect turned down by a version 1 handshake, nothing is sequenced or acknowledged', async () => {
    const id = await negotiateId(server.hubUrl, { query: STATEFUL })
    const client = await RawHubClient.connect(server.hubUrl, { id, version: 1 })
    client.send({ type: 9, sequenceId: 1 })
    expect((await client.untilClose()).messages).toEqual([{ type: 7, error: 'Connection closed with an error.', allowReconnect: true }])
  })
})
