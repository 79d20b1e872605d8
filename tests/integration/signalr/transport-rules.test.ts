import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHubServer, type TestHubServer } from '../../support/signalr/test-server'
import { negotiateId, poll, post, request, statusAndText } from '../../support/signalr/http-client'
import { EventStream } from '../../support/signalr/event-stream'
import { RawSocket, withTimeout } from '../../support/signalr/raw-socket'
import { RawHubClient } from '../../support/signalr/raw-hub-client'
import { handshakeFrame, jsonFrame } from '../../support/signalr/wire'

const NO_CONNECTION = { status: 404, text: 'No Connection with that ID' }
const TRANSPORT_CHANGE = { status: 400, text: 'Cannot change transports mid-connection' }

/**
 * The `id` rules every transport request goes through (HttpConnectionDispatcher):
 * which status and text a missing, unknown, busy, foreign or mismatched connection gets.
 */
describe('transport requests: the id rules', () => {
  let server: TestHubServer
  const opened: Array<{ close(): void }> = []
  beforeAll(async () => {
    server = await startTestHubServer()
  })
  afterAll(async () => {
    for (const resource of opened) resource.close()
    await server.close()
  })

  async function openEventStream(id: string): Promise<EventStream> {
    const stream = await EventStream.open(server.hubUrl, id)
    opened.push(stream)
    return stream
  }

  async function openSocket(id: string): Promise<RawSocket> {
    const socket = await RawSocket.open(server.hubUrl, { id })
    opened.push(socket)
    return socket
  }

  describe('a missing id is 400 Connection ID required', () => {
    it.each([
      ['a long poll', { method: 'GET' }],
      ['an event stream', { method: 'GET', headers: { Accept: 'text/event-stream' } }],
      ['a send', { method: 'POST', body: '' }],
      ['a delete', { method: 'DELETE' }],
    ])('%s', async (_, init) => {
      expect(await statusAndText(request(server.hubUrl, null, init))).toEqual({ status: 400, text: 'Connection ID required', contentType: 'text/plain' })
      expect(await statusAndText(request(`${server.hubUrl}?id=`, null, init))).toMatchObject({ status: 400, text: 'Connection ID required' })
    })
  })

  describe('an unknown id is 404 No Connection with that ID', () => {
    it.each([
      ['a long poll', { method: 'GET' }],
      ['an event stream', { method: 'GET', headers: { Accept: 'text/event-stream' } }],
      ['a send', { method: 'POST', body: '' }],
      ['a delete', { method: 'DELETE' }],
    ])('%s', async (_, init) => {
      expect(await statusAndText(request(server.hubUrl, 'x'.repeat(22), init))).toEqual({ ...NO_CONNECTION, contentType: 'text/plain' })
    })

    it('a WebSocket, refused before the upgrade', async () => {
      expect(await RawSocket.upgradeStatus(server.hubUrl, { id: 'x'.repeat(22) })).toEqual({ status: 404, body: NO_CONNECTION.text })
    })
  })

  describe('409 for a second request on a transport that cannot have two', () => {
    it('a second event stream', async () => {
      const id = await negotiateId(server.hubUrl)
      const first = await openEventStream(id)
      expect(first.response.status).toBe(200)
      expect(await statusAndText(request(server.hubUrl, id, { headers: { Accept: 'text/event-stream' } }))).toMatchObject({ status: 409, text: '' })
    })

    it('a second WebSocket on a connection without stateful reconnect', async () => {
      const id = await negotiateId(server.hubUrl)
      await openSocket(id)
      expect(await RawSocket.upgradeStatus(server.hubUrl, { id })).toEqual({ status: 409, body: '' })
    })

    it('but not a second WebSocket on a stateful connection: that is a reconnect, and it retires the first', async () => {
      const id = await negotiateId(server.hubUrl, { query: 'negotiateVersion=1&useStatefulReconnect=true' })
      const first = await openSocket(id)
      first.send(handshakeFrame('json', 2))
      expect(await first.nextText()).toBe('{}\u001e')
      const second = await openSocket(id)
      await withTimeout(first.closed, 5_000, 'The replaced WebSocket was not closed')
      expect(await second.nextText()).toBe(jsonFrame({ type: 9, sequenceId: 1 }))
    })

    it('a WebSocket replacing one that had not finished its handshake retires it too', async () => {
      const id = await negotiateId(server.hubUrl, { query: 'negotiateVersion=1&useStatefulReconnect=true' })
      const first = await openSocket(id)
      await openSocket(id)
      await withTimeout(first.closed, 5_000, 'The replaced WebSocket was not closed')
    })

    it('a stateful negotiation whose handshake asks for version 1 is not stateful: a second WebSocket is 409', async () => {
      const id = await negotiateId(server.hubUrl, { query: 'negotiateVersion=1&useStatefulReconnect=true' })
      const first = await openSocket(id)
      first.send(handshakeFrame('json', 1))
      expect(await first.nextText()).toBe('{}\u001e')
      expect(await RawSocket.upgradeStatus(server.hubUrl, { id })).toEqual({ status: 409, body: '' })
    })
  })

  describe('400 Cannot change transports mid-connection', () => {
    it('long polling, then an event stream or a WebSocket', async () => {
      const id = await negotiateId(server.hubUrl)
      expect((await poll(server.hubUrl, id)).status).toBe(200)
      expect(await statusAndText(request(server.hubUrl, id, { headers: { Accept: 'text/event-stream' } }))).toMatchObject(TRANSPORT_CHANGE)
      expect(await RawSocket.upgradeStatus(server.hubUrl, { id })).toEqual({ status: 400, body: TRANSPORT_CHANGE.text })
    })

    it('an event stream, then a long poll or a WebSocket', async () => {
      const id = await negotiateId(server.hubUrl)
      await openEventStream(id)
      expect(await statusAndText(poll(server.hubUrl, id))).toMatchObject(TRANSPORT_CHANGE)
      expect(await RawSocket.upgradeStatus(server.hubUrl, { id })).toEqual({ status: 400, body: TRANSPORT_CHANGE.text })
    })

    it('a WebSocket, then a long poll or an event stream', async () => {
      const id = await negotiateId(server.hubUrl)
      await openSocket(id)
      expect(await statusAndText(poll(server.hubUrl, id))).toMatchObject(TRANSPORT_CHANGE)
      expect(await statusAndText(request(server.hubUrl, id, { headers: { Accept: 'text/event-stream' } }))).toMatchObject(TRANSPORT_CHANGE)
    })
  })

  describe('methods', () => {
    it('POST on a WebSocket connection is 405', async () => {
      const id = await negotiateId(server.hubUrl)
      await openSocket(id)
      expect(await statusAndText(post(server.hubUrl, id, handshakeFrame('json'))))
        .toEqual({ status: 405, text: 'POST requests are not allowed for WebSocket connections.', contentType: 'text/plain' })
    })

    it('DELETE is 400 on a connection that is not long polling', async () => {
      const text = 'Cannot terminate this connection using the DELETE endpoint.'
      const neverUsed = await negotiateId(server.hubUrl)
      expect(await statusAndText(request(server.hubUrl, neverUsed, { method: 'DELETE' }))).toMatchObject({ status: 400, text })
      const streaming = await negotiateId(server.hubUrl)
      await openEventStream(streaming)
      expect(await statusAndText(request(server.hubUrl, streaming, { method: 'DELETE' }))).toMatchObject({ status: 400, text })
      const socket = await negotiateId(server.hubUrl)
      await openSocket(socket)
      expect(await statusAndText(request(server.hubUrl, socket, { method: 'DELETE' }))).toMatchObject({ status: 400, text })
    })

    it('DELETE on a long-polling connection is 202, and ends the outstanding poll with 204', async () => {
      const id = await negotiateId(server.hubUrl)
      expect((await poll(server.hubUrl, id)).status).toBe(200)
      const outstanding = poll(server.hubUrl, id)
      // The poll must be parked on the server before the DELETE, or there is nothing to end.
      await new Promise(resolve => setTimeout(resolve, 50))
      expect(await statusAndText(request(server.hubUrl, id, { method: 'DELETE' }))).toEqual({ status: 202, text: '', contentType: 'text/plain' })
      expect((await outstanding).status).toBe(204)
    })

    it.each(['PUT', 'PATCH'])('%s is 405', async (method) => {
      const id = await negotiateId(server.hubUrl)
      expect(await statusAndText(request(server.hubUrl, id, { method }))).toMatchObject({ status: 405, text: '' })
    })
  })

  describe('a connection belongs to the user who negotiated it', () => {
    it('another user\'s valid token is 403 on every transport', async () => {
      const id = await negotiateId(server.hubUrl, { user: 'alice' })
      expect((await poll(server.hubUrl, id, { user: 'mallory' })).status).toBe(403)
      expect((await request(server.hubUrl, id, { user: 'mallory', headers: { Accept: 'text/event-stream' } })).status).toBe(403)
      expect((await post(server.hubUrl, id, handshakeFrame('json'), { user: 'mallory' })).status).toBe(403)
      expect((await request(server.hubUrl, id, { user: 'mallory', method: 'DELETE' })).status).toBe(403)
      expect((await RawSocket.upgradeStatus(server.hubUrl, { id, user: 'mallory' })).status).toBe(403)
    })

    it('the refusals leave the connection usable by its owner', async () => {
      const id = await negotiateId(server.hubUrl, { user: 'alice' })
      await poll(server.hubUrl, id, { user: 'mallory' })
      expect((await poll(server.hubUrl, id, { user: 'alice' })).status).toBe(200)
    })
  })

  describe('authentication on every transport', () => {
    const credentials = [
      ['no token', { headers: {} as Record<string, string> }],
      ['a bad bearer token', { headers: { Authorization: 'Bearer forged' } }],
      ['a bad access_token query', { headers: {} as Record<string, string>, query: '&access_token=forged' }],
    ] as const

    it.each(credentials)('%s: 401 for long polls, event streams, sends and deletes', async (_, credential) => {
      const id = await negotiateId(server.hubUrl)
      const url = `${server.hubUrl}?id=${id}${'query' in credential ? credential.query : ''}`
      const attempts: RequestInit[] = [
        { method: 'GET' },
        { method: 'GET', headers: { Accept: 'text/event-stream' } },
        { method: 'POST', body: handshakeFrame('json') },
        { method: 'DELETE' },
      ]
      for (const init of attempts) {
        const response = await fetch(url, { ...init, headers: { ...credential.headers, ...(init.headers as Record<string, string>) } })
        expect(response.status, `${init.method} ${JSON.stringify(init.headers ?? {})}`).toBe(401)
      }
    })

    it('401 for WebSockets, with or without an id', async () => {
      const id = await negotiateId(server.hubUrl)
      for (const target of [{ id }, {}]) {
        expect((await RawSocket.upgradeStatus(server.hubUrl, { ...target, user: null })).status).toBe(401)
        expect((await RawSocket.upgradeStatus(server.hubUrl, { ...target, token: 'forged' })).status).toBe(401)
        expect((await RawSocket.upgradeStatus(server.hubUrl, { ...target, token: 'forged', tokenIn: 'query' })).status).toBe(401)
      }
    })

    it('a valid token in the access_token query opens a WebSocket, as browsers send it', async () => {
      const client = await RawHubClient.connect(server.hubUrl, { tokenIn: 'query' })
      opened.push(client)
      client.send({ type: 1, invocationId: '1', target: 'WhoAmI', arguments: [] })
      expect(await client.nextNonPing()).toEqual({ type: 3, invocationId: '1', result: 'alice' })
    })
  })

  describe('skipNegotiation', () => {
    it('a WebSocket without an id starts a connection of its own', async () => {
      const client = await RawHubClient.connect(server.hubUrl)
      opened.push(client)
      client.send({ type: 1, invocationId: '7', target: 'Echo', arguments: ['skipped'] })
      expect(await client.nextNonPing()).toEqual({ type: 3, invocationId: '7', result: 'skipped' })
    })
  })
})
