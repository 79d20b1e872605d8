import { request } from 'node:http'

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/**
 * Sends `chunks` one at a time, as a chunked body unless `headers` declare a Content-Length, and
 * stops sending as soon as the server answers: what a client streaming an endless upload sees.
 * Resolves with the answer, or with 'closed' when the server hung up without one.
 */
export function sendInChunks(url: string, headers: Record<string, string>, chunks: Iterable<Buffer>): Promise<RawResponse | 'closed'> {
  return new Promise((resolve) => {
    let answered = false
    const framing = 'Content-Length' in headers ? {} : { 'Transfer-Encoding': 'chunked' }
    const outgoing = request(url, { method: 'POST', headers: { ...headers, ...framing } }, (response) => {
      answered = true
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (text: string) => {
        body += text
      })
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }))
      response.on('error', () => resolve('closed'))
    })
    // Writing into a connection the server has closed fails; the answer (or its absence) is what counts.
    outgoing.on('error', () => {
      if (!answered) resolve('closed')
    })
    const iterator = chunks[Symbol.iterator]()
    const writeNext = (): void => {
      for (;;) {
        if (answered || outgoing.destroyed) return
        const next = iterator.next()
        if (next.done) return void outgoing.end()
        if (!outgoing.write(next.value)) return void outgoing.once('drain', writeNext)
      }
    }
    writeNext()
  })
}

/** `count` chunks of `size` bytes. */
export function* repeatedChunks(size: number, count: number, fill = 'a'): Generator<Buffer> {
  const chunk = Buffer.alloc(size, fill)
  for (let i = 0; i < count; i++) yield chunk
}
