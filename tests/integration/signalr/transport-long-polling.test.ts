import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHubServer, type TestHubServer } from '../../support/signalr/test-server'
import { negotiateId, openLongPolling, poll, post, request, statusAndText } from '../../support/signalr/http-client'
import { handshakeFrame, jsonFrame, msgpackFrame, splitJsonFrames, splitMsgpackFrames } from '../../support/signalr/wire'
import { waitFor } from '../../support/signalr/wait'

const NO_CACHE = {
  'cache-control': 'no-cache, no-store',
  'pragma': 'no-cache',
  'expires': 'Thu, 01 Jan 1970 00:00:00 GMT',
}

/** Time for a request to reach the server and be parked there, before the test acts on it. */
const PARK_MS = 50

describe('long polling', () => {
  let server: TestHubServer
  beforeAll(async () => {
    server = await startTestHubServer({ longPollTimeoutMs: 400, disconnectTimeoutMs: 1_000, heartbeatIntervalMs: 50 })
  })
  afterAll(() => server.close())

  it('the first poll is answered at once, 200 with no body; the handshake answer comes on the next', async () => {
    const id = await negotiateId(server.hubUrl)
    const first = await poll(server.hubUrl, id)
    expect(first.status).toBe(200)
    expect(first.headers.get('content-type')).toBe('application/octet-stream')
    expect(first.headers.get('content-length')).toBe('0')
    expect(Object.fromEntries([...first.headers].filter(([name]) => name in NO_CACHE))).toEqual(NO_CACHE)
    expect(await first.text()).toBe('')

    expect(await statusAndText(post(server.hubUrl, id, handshakeFrame('json')))).toEqual({ status: 200, text: '', contentType: 'text/plain' })
    const answer = await poll(server.hubUrl, id)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/octet-stream')
    expect(await answer.text()).toBe('{}\u001e')
  })

  it('a waiting poll is answered as soon as the hub sends something', async () => {
    const id = await openLongPolling(server.hubUrl, handshakeFrame('json'))
    const waiting = poll(server.hubUrl, id)
    await sleep(PARK_MS)
    await post(server.hubUrl, id, jsonFrame({ type: 1, invocationId: '1', target: 'Echo', arguments: ['hi'] }))
    expect(splitJsonFrames(await (await waiting).text())).toEqual([{ type: 3, invocationId: '1', result: 'hi' }])
  })

  it('what is sent between polls waits, and the next poll takes all of it in one body', async () => {
    const id = await openLongPolling(server.hubUrl, handshakeFrame('json'))
    await post(server.hubUrl, id, jsonFrame({ type: 1, invocationId: '1', target: 'CallMeBack', arguments: ['hi'] }))
    await sleep(PARK_MS)
    expect(splitJsonFrames(await (await poll(server.hubUrl, id)).text())).toEqual([
      { type: 1, target: 'CalledBack', arguments: ['hi', { length: 2 }] },
      { type: 3, invocationId: '1', result: null },
    ])
  })

  it('carries MessagePack in binary bodies', async () => {
    const id = await openLongPolling(server.hubUrl, handshakeFrame('messagepack'))
    await post(server.hubUrl, id, msgpackFrame([1, {}, '1', 'Add', [2, 3]]))
    const answer = await poll(server.hubUrl, id)
    expect(splitMsgpackFrames(new Uint8Array(await answer.arrayBuffer()))).toEqual([[3, {}, '1', 3, 5]])
  })

  it('a poll replaced by a newer one is answered 204; the newer one gets the data', async () => {
    const id = await openLongPolling(server.hubUrl, handshakeFrame('json'))
    const older = poll(server.hubUrl, id)
    await sleep(PARK_MS)
    const newer = poll(server.hubUrl, id)
    expect((await older).status).toBe(204)
    await post(server.hubUrl, id, jsonFrame({ type: 1, invocationId: '2', target: 'Echo', arguments: ['still here'] }))
    expect(splitJsonFrames(await (await newer).text())).toEqual([{ type: 3, invocationId: '2', result: 'still here' }])
  })

  it('a poll with nothing to take times out with 200 and no body', async () => {
    const id = await openLongPolling(server.hubUrl, handshakeFrame('json'))
    const timedOut = await poll(server.hubUrl, id)
    expect(timedOut.status).toBe(200)
    expect(await timedOut.text()).toBe('')
    // The connection survives its timed-out polls.
    await post(server.hubUrl, id, jsonFrame({ type: 1, invocationId: '3', target: 'Echo', arguments: ['alive'] }))
    expect(splitJsonFrames(await (await poll(server.hubUrl, id)).text())).toEqual([{ type: 3, invocationId: '3', result: 'alive' }])
  })

  it('after a DELETE, polls are answered 204 or 404, never 200', async () => {
    const id = await openLongPolling(server.hubUrl, handshakeFrame('json'))
    expect((await request(server.hubUrl, id, { method: 'DELETE' })).status).toBe(202)
    // Once the connection is gone its id is unknown: 404. Until then a poll only learns it is over: 204.
    let status = 0
    for (let attempt = 0; attempt < 20 && status !== 404; attempt++) {
      status = (await poll(server.hubUrl, id)).status
      expect([204, 404]).toContain(status)
    }
    expect(status).toBe(404)
  })

  it('a connection the hub closes hands its Close message to the waiting poll, and the next poll gets 204 or 404', async () => {
    const id = await openLongPolling(server.hubUrl, handshakeFrame('json'))
    const waiting = poll(server.hubUrl, id)
    await sleep(PARK_MS)
    await post(server.hubUrl, id, jsonFrame({ type: 1, target: 'Abort', arguments: [] }))
    expect(splitJsonFrames(await (await waiting).text())).toEqual([{ type: 7 }])
    expect([204, 404]).toContain((await poll(server.hubUrl, id)).status)
  })

  it('a connection closed while no poll waits keeps its Close message for the next poll, then ends with 204 and is gone', async () => {
    const id = await openLongPolling(server.hubUrl, handshakeFrame('json'))
    await post(server.hubUrl, id, jsonFrame({ type: 1, target: 'Abort', arguments: [] }))
    expect(splitJsonFrames(await (await poll(server.hubUrl, id)).text())).toEqual([{ type: 7 }])
    expect((await poll(server.hubUrl, id)).status).toBe(204)
    expect((await poll(server.hubUrl, id)).status).toBe(404)
  })

  it('a message over the size limit sent by POST closes the connection with a reconnectable error', async () => {
    const id = await openLongPolling(server.hubUrl, handshakeFrame('json'))
    const waiting = poll(server.hubUrl, id)
    await sleep(PARK_MS)
    await post(server.hubUrl, id, jsonFrame({ type: 1, target: 'Echo', arguments: ['x'.repeat(40_000)] }))
    expect(splitJsonFrames(await (await waiting).text()))
      .toEqual([{ type: 7, error: 'Connection closed with an error.', allowReconnect: true }])
  })

  it('a client that stops polling is dropped after the disconnect timeout', async () => {
    const id = await openLongPolling(server.hubUrl, handshakeFrame('json'))
    await waitFor(() => server.endpoint.connectionCount === 0, 'the abandoned connection to be dropped')
    expect(await statusAndText(poll(server.hubUrl, id))).toMatchObject({ status: 404, text: 'No Connection with that ID' })
  })
})
