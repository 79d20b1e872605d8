import { bearer, connectionUrl } from './http-client'
import { withTimeout } from './raw-socket'

/**
 * A Server-Sent Events response read as raw text, so tests see the exact bytes
 * (padding, `data:` lines, blank-line terminators) rather than parsed events.
 */
export class EventStream {
  private text = ''
  private ended = false
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>
  private readonly decoder = new TextDecoder()
  private reading: Promise<void> | null = null

  private constructor(readonly response: Response, private readonly abort: AbortController) {
    this.reader = response.body!.getReader()
  }

  /** Opens the stream; resolves as soon as the response headers arrive. */
  static async open(hubUrl: string, id: string, user = 'alice'): Promise<EventStream> {
    const abort = new AbortController()
    const response = await fetch(connectionUrl(hubUrl, id), {
      headers: { Accept: 'text/event-stream', ...bearer(user) },
      signal: abort.signal,
    })
    return new EventStream(response, abort)
  }

  /** Waits until the text received so far (not yet taken) ends with `terminator`, and takes it. */
  async readUntil(terminator: string, timeoutMs = 5_000): Promise<string> {
    await withTimeout(this.fill(() => this.text.includes(terminator)), timeoutMs, `No ${JSON.stringify(terminator)} in the event stream`)
    const end = this.text.indexOf(terminator) + terminator.length
    const taken = this.text.slice(0, end)
    this.text = this.text.slice(end)
    return taken
  }

  /** The next whole event (up to its blank line). */
  nextEvent(timeoutMs?: number): Promise<string> {
    return this.readUntil('\r\n\r\n', timeoutMs)
  }

  /** Resolves with what remains once the server ends the response. */
  async rest(timeoutMs = 5_000): Promise<string> {
    await withTimeout(this.fill(() => false), timeoutMs, 'The event stream did not end')
    const taken = this.text
    this.text = ''
    return taken
  }

  close(): void {
    this.abort.abort()
  }

  private async fill(done: () => boolean): Promise<void> {
    while (!done() && !this.ended) {
      // One read at a time: a timed-out wait leaves its read running for the next caller.
      this.reading ??= this.reader.read().then(({ value, done: end }) => {
        if (value) this.text += this.decoder.decode(value, { stream: true })
        if (end) this.ended = true
      }, () => {
        // Aborted by `close()` or reset by the server: either way, nothing more will come.
        this.ended = true
      }).finally(() => {
        this.reading = null
      })
      await this.reading
    }
  }
}
