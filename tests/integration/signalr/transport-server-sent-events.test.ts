import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHubServer, type TestHubServer } from '../../support/signalr/test-server'
import { negotiateId, post, statusAndText } from '../../support/signalr/http-client'
import { EventStream } from '../../support/signalr/event-stream'
import { handshakeFrame, jsonFrame } from '../../support/signalr/wire'

describe('server-sent events', () => {
  let server: TestHubServer
  const streams: EventStream[] = []
  beforeAll(async () => {
    server = await startTestHubServer()
  })
  afterAll(async () => {
    for (const stream of streams) stream.close()
    await server.close()
  })

  async function open(): Promise<{ id: string, stream: EventStream }> {
    const id = await negotiateId(server.hubUrl)
    const stream = await EventStream.open(server.hubUrl, id)
    streams.push(stream)
    return { id, stream }
  }

  it('answers with event-stream headers and the padding comment before any handshake is sent', async () => {
    // The official client sends its handshake only once the stream is open, so this must not wait for it.
    const { stream } = await open()
    expect(stream.response.status).toBe(200)
    expect(stream.response.headers.get('content-type')).toBe('text/event-stream')
    expect(stream.response.headers.get('cache-control')).toMatch(/no-cache/)
    expect(await stream.readUntil('\r\n')).toBe(':\r\n')
  })

  it('frames each send as one event of data: lines ended by a blank line', async () => {
    const { id, stream } = await open()
    await stream.readUntil(':\r\n')
    expect((await post(server.hubUrl, id, handshakeFrame('json'))).status).toBe(200)
    expect(await stream.nextEvent()).toBe('data: {}\u001e\r\n\r\n')
    await post(server.hubUrl, id, jsonFrame({ type: 1, invocationId: '1', target: 'Echo', arguments: ['over SSE'] }))
    expect(await stream.nextEvent()).toBe('data: {"type":3,"invocationId":"1","result":"over SSE"}\u001e\r\n\r\n')
  })

  it('takes several messages in one POST', async () => {
    const { id, stream } = await open()
    await stream.readUntil(':\r\n')
    await post(server.hubUrl, id, handshakeFrame('json')
    + jsonFrame({ type: 1, invocationId: '1', target: 'Echo', arguments: ['a'] })
    + jsonFrame({ type: 1, invocationId: '2', target: 'Echo', arguments: ['b'] }))
    expect(await stream.nextEvent()).toBe('data: {}\u001e\r\n\r\n')
    expect(await stream.nextEvent()).toBe('data: {"type":3,"invocationId":"1","result":"a"}\u001e\r\n\r\n')
    expect(await stream.nextEvent()).toBe('data: {"type":3,"invocationId":"2","result":"b"}\u001e\r\n\r\n')
  })

  it('ends the response after the Close message when the hub closes the connection', async () => {
    const { id, stream } = await open()
    await stream.readUntil(':\r\n')
    await post(server.hubUrl, id, handshakeFrame('json'))
    await stream.nextEvent()
    await post(server.hubUrl, id, jsonFrame({ type: 1, target: 'Abort', arguments: [] }))
    expect(await stream.rest()).toBe('data: {"type":7}\u001e\r\n\r\n')
    expect(await statusAndText(post(server.hubUrl, id, jsonFrame({ type: 6 })))).toMatchObject({ status: 404 })
  })

  it('a MessagePack handshake is refused: the transport carries only text', async () => {
    const { id, stream } = await open()
    await stream.readUntil(':\r\n')
    await post(server.hubUrl, id, handshakeFrame('messagepack'))
    const error = 'Cannot use the \'messagepack\' protocol on the current transport. The transport does not support \'Binary\' transfer format.'
    expect(await stream.rest()).toBe(`data: {"error":"${error}"}\u001e\r\n\r\n`)
  })
})
