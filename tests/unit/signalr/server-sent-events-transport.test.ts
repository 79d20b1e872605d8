import type { ServerResponse } from 'node:http'
import { describe, expect, it } from 'vitest'
import { ServerSentEventsTransport } from '../../../server/signalr/transports'

/** Records what the transport writes; the multi-line cases cannot be produced through the JSON protocol. */
function recordingResponse() {
  const written: string[] = []
  const response = {
    statusCode: 0,
    headers: {} as Record<string, string>,
    writeHead(status: number, headers: Record<string, string>) {
      response.statusCode = status
      response.headers = headers
      return response
    },
    flushHeaders() {},
    write(chunk: string) {
      written.push(chunk)
      return true
    },
    end() {},
    writableLength: 0,
  }
  return { response, written }
}

function openTransport() {
  const { response, written } = recordingResponse()
  const transport = new ServerSentEventsTransport(response as unknown as ServerResponse)
  written.length = 0
  return { transport, written, response }
}

describe('ServerSentEventsTransport', () => {
  it('starts with the event-stream headers and a comment line, before anything is sent', () => {
    const { response, written } = recordingResponse()
    new ServerSentEventsTransport(response as unknown as ServerResponse)
    expect(response.statusCode).toBe(200)
    expect(response.headers['Content-Type']).toBe('text/event-stream')
    expect(written).toEqual([':\r\n'])
  })

  it.each([
    ['one line', 'abc', 'data: abc\r\n\r\n'],
    ['several lines', 'a\nb', 'data: a\r\ndata: b\r\n\r\n'],
    ['CRLF line ends (the CR is dropped)', 'a\r\nb', 'data: a\r\ndata: b\r\n\r\n'],
    ['a trailing newline (an empty last line)', 'a\n', 'data: a\r\ndata: \r\n\r\n'],
  ])('frames %s as one event', (_, payload, event) => {
    const { transport, written } = openTransport()
    transport.send(payload)
    expect(written).toEqual([event])
  })

  it('sends bytes as UTF-8 text', () => {
    const { transport, written } = openTransport()
    transport.send(new TextEncoder().encode('é\u001e'))
    expect(written).toEqual(['data: é\u001e\r\n\r\n'])
  })
})
