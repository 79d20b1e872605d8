import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { RawHubClient } from '../../support/signalr/raw-hub-client'
import { recordingDiagnostics } from '../../support/signalr/recording-diagnostics'
import { gate, observed } from '../../support/signalr/test-hub'
import { startTestHubServer, type TestHubServer } from '../../support/signalr/test-server'
import { openLongPolling, poll, post } from '../../support/signalr/http-client'
import { handshakeFrame, jsonFrame, splitJsonFrames } from '../../support/signalr/wire'
import { waitFor } from '../../support/signalr/wait'

const invocation = (id: number, target: string, ...args: unknown[]) => jsonFrame({ type: 1, invocationId: String(id), target, arguments: args })
const invocations = (count: number, target: string, ...args: unknown[]) =>
  Array.from({ length: count }, (_, i) => invocation(i, target, ...args)).join('')

type JsonMessage = Record<string, unknown>
const jsonMessages = (text: string) => splitJsonFrames(text) as JsonMessage[]

/** Reads completions off a raw client until `count` have arrived; returns their invocation ids in order. */
async function completionIds(client: RawHubClient, count: number): Promise<string[]> {
  const ids: string[] = []
  while (ids.length < count) {
    const message = await client.nextNonPing(10_000) as Record<string, unknown>
    if (message.type === 3) ids.push(String(message.invocationId))
  }
  return ids
}

describe('a client that sends faster than its invocations are served', () => {
  let server: TestHubServer
  const { entries, logger } = recordingDiagnostics()
  beforeAll(async () => {
    server = await startTestHubServer({ maximumQueuedMessagesPerClient: 4, maximumPendingReceiveBytes: 256 * 1024, logger })
  })
  afterEach(() => {
    gate.open()
    observed.marks.length = 0
    observed.gateEntries = 0
  })
  afterAll(() => server.close())

  it('does not keep other requests waiting while thousands of its invocations run', async () => {
    const client = await RawHubClient.connect(server.hubUrl)
    // Methods that complete in microtasks alone: without a turn for others between them,
    // the whole burst would run before the server reads another request.
    const burst = 3_000
    for (let first = 0; first < burst; first += 500) {
      client.socket.send(Array.from({ length: 500 }, (_, i) => invocation(first + i, 'Mark', `hub-${first + i}`)).join(''))
    }
    await waitFor(() => observed.marks.length > 0, 'the first invocation')
    expect(await (await fetch(`${server.url}/mark`)).text()).toBe('marked')

    expect(await completionIds(client, burst)).toHaveLength(burst)
    const httpAt = observed.marks.indexOf('http')
    expect(httpAt).toBeGreaterThan(0)
    expect(httpAt).toBeLessThan(burst)
    client.socket.close()
  })

  it('stops reading its WebSocket while its queue is full, then serves everything in order', async () => {
    gate.close()
    const client = await RawHubClient.connect(server.hubUrl)
    const count = 200
    for (let i = 0; i < count; i++) client.socket.send(invocation(i, 'WaitAtGate', `v${i}`))
    await waitFor(() => observed.gateEntries === 1, 'the first call at the gate')
    await waitFor(() => server.webSocketsPaused() === 1, 'the server to stop reading the socket')
    // The server answers others while this client waits at the gate.
    expect((await fetch(`${server.url}/mark`)).status).toBe(200)
    expect(observed.gateEntries).toBe(1)

    gate.open()
    expect(await completionIds(client, count)).toEqual(Array.from({ length: count }, (_, i) => String(i)))
    expect(observed.gateEntries).toBe(count)
    expect(server.webSocketsPaused()).toBe(0)
    client.socket.close()
  })

  it('answers an HTTP send only once its messages are taken in', async () => {
    gate.close()
    const id = await openLongPolling(server.hubUrl, handshakeFrame('json'))
    const order: string[] = []
    const send = post(server.hubUrl, id, invocations(20, 'WaitAtGate', 'x')).then((response) => {
      order.push(`send answered ${response.status}`)
    })
    await waitFor(() => observed.gateEntries === 1, 'the first call at the gate')
    // Proof the server is free meanwhile: it answers another request before the send.
    await fetch(`${server.url}/mark`)
    order.push('gate opened')
    gate.open()
    await send
    expect(order).toEqual(['gate opened', 'send answered 200'])

    const results: unknown[] = []
    while (results.length < 20) {
      for (const message of jsonMessages(await (await poll(server.hubUrl, id)).text())) {
        if (message.type === 3) results.push(message.result)
      }
    }
    expect(results).toEqual(Array.from({ length: 20 }, () => 'x'))
  })

  it('closes a connection whose unread sends pass the limit, and tells it why', async () => {
    gate.close()
    const id = await openLongPolling(server.hubUrl, handshakeFrame('json'))
    const held = post(server.hubUrl, id, invocations(10, 'WaitAtGate', 'x'))
    await waitFor(() => observed.gateEntries === 1, 'the first call at the gate')
    // Three more sends of 100 KB each arrive while nothing is being read: past the 256 KB limit.
    const padding = 'p'.repeat(1_000)
    const filler = invocations(100, 'Echo', padding)
    expect(filler.length).toBeGreaterThan(256 * 1024 / 3)
    const overflowing = [1, 2, 3].map(() => post(server.hubUrl, id, filler))
    await Promise.all([held, ...overflowing])

    const messages: JsonMessage[] = []
    for (let response = await poll(server.hubUrl, id); response.status === 200; response = await poll(server.hubUrl, id)) {
      messages.push(...jsonMessages(await response.text()))
    }
    expect(messages.at(-1)).toEqual({ type: 7, error: 'Connection closed with an error.', allowReconnect: true })
    expect(messages.filter(message => message.type === 3 && message.result === padding)).toHaveLength(0)
    expect(entries.filter(entry => entry.fields.kind === 'receive-backlog')).toEqual([expect.objectContaining({
      level: 'warn', message: 'Hub connection closed: the client sent more than the server could read',
    })])
  })
})
