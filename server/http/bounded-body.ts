import type { IncomingMessage } from 'node:http'
import { HttpProblem, problemTypes } from './problem'

/** Where h3's readRawBody looks first for a body someone has already read. */
const H3_RAW_BODY = Symbol.for('h3RawBody')

/**
 * How much of a refused body the server reads and throws away before answering, as a multiple of
 * the limit, and for how long. A client that is still sending when the answer comes sees a reset
 * instead of the 413 if the connection closes under it, so a body near the limit is drained and
 * the connection kept; a body far past it is not worth the bandwidth, and its connection closes.
 */
const DISCARD_ALLOWANCE_FACTOR = 4
const DISCARD_DEADLINE_MS = 5_000

/** The 413 for a body past `limit`; `closeConnection` when the rest of the body was left unread. */
export function bodyTooLarge(limit: number, closeConnection: boolean): HttpProblem {
  return new HttpProblem(413, `The request body is larger than the ${limit} bytes this server accepts`, {
    type: problemTypes.bodyTooLarge,
    headers: closeConnection ? { Connection: 'close' } : {},
  })
}

/** The declared Content-Length, or undefined when the body's length is not known in advance (chunked). */
export function declaredLength(request: IncomingMessage): number | undefined {
  const header = request.headers['content-length']
  return header === undefined ? undefined : Number(header)
}

/** The most bytes of a refused body worth draining so that its sender reliably reads the 413. */
export function discardAllowance(limit: number): number {
  return limit * DISCARD_ALLOWANCE_FACTOR
}

/**
 * Reads a body of unknown length, counting bytes as they arrive: past `limit` it stops keeping
 * them, drains the rest within the discard allowance and throws the 413, having held at most
 * `limit` bytes. What it read is handed to h3, so routes read the body as usual.
 */
export async function readBodyWithin(request: IncomingMessage, limit: number): Promise<void> {
  const body = await readUpTo(request, limit)
  if (body === 'past-limit') throw bodyTooLarge(limit, !(await drain(request, discardAllowance(limit) - limit)))
  Object.assign(request, { [H3_RAW_BODY]: Promise.resolve(body) })
}

/**
 * Reads and drops the body of a request about to be refused, so the answer reaches a client that
 * is still sending. Resolves true when the body ended within the allowance and the deadline.
 */
export function discardBody(request: IncomingMessage, limit: number): Promise<boolean> {
  return drain(request, discardAllowance(limit))
}

/** The whole body, or 'past-limit' as soon as it passes `limit` (the stream is left mid-body). */
function readUpTo(request: IncomingMessage, limit: number): Promise<Buffer | 'past-limit'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const stop = () => {
      request.off('data', onData).off('end', onEnd).off('error', onError)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      stop()
      resolve('past-limit')
    }
    const onEnd = () => {
      stop()
      resolve(Buffer.concat(chunks))
    }
    const onError = (error: Error) => {
      stop()
      reject(error)
    }
    request.on('data', onData).on('end', onEnd).on('error', onError)
  })
}

/** Reads and drops up to `maxBytes` more; true when the body ended within them and the deadline. */
function drain(request: IncomingMessage, maxBytes: number): Promise<boolean> {
  if (request.readableEnded) return Promise.resolve(true)
  return new Promise((resolve) => {
    let size = 0
    const finish = (ended: boolean) => {
      clearTimeout(deadline)
      request.off('data', onData).off('end', onEnd).off('error', onError)
      if (!ended) request.pause()
      resolve(ended)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) finish(false)
    }
    const onEnd = () => finish(true)
    const onError = () => finish(false)
    const deadline = setTimeout(() => finish(false), DISCARD_DEADLINE_MS)
    request.on('data', onData).on('end', onEnd).on('error', onError)
    request.resume()
  })
}
