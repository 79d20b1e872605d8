import type { ServerResponse } from 'node:http'
import type { Frame } from '../protocol'
import type { ServerTransport } from './transport'

/**
 * Server-Sent Events: server → client only (the client POSTs what it sends).
 * Text frames only; each line of a frame becomes a `data:` field of one event.
 */
export class ServerSentEventsTransport implements ServerTransport {
  readonly kind = 'ServerSentEvents'
  readonly supportsBinary = false

  constructor(private readonly response: ServerResponse) {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache,no-store',
      'Pragma': 'no-cache',
      // Compression would buffer events; proxies that honour this header leave the stream alone.
      'Content-Encoding': 'identity',
      'X-Accel-Buffering': 'no',
      'Connection': 'keep-alive',
    })
    // Clients wait for the stream to open before their handshake: flush the headers now,
    // with a comment line so that every EventSource implementation fires `open`.
    response.flushHeaders()
    response.write(':\r\n')
  }

  send(frame: Frame): void {
    const text = typeof frame === 'string' ? frame : Buffer.from(frame).toString('utf8')
    let event = ''
    for (const line of text.split('\n')) event += `data: ${line.endsWith('\r') ? line.slice(0, -1) : line}\r\n`
    this.response.write(event + '\r\n')
  }

  bufferedBytes(): number {
    return this.response.writableLength
  }

  close(): void {
    this.response.end()
  }

  abort(): void {
    this.response.destroy()
  }
}
