import type { IncomingMessage } from 'node:http'
import { HttpProblem, problemTypes } from './problem'

/** Where h3's readRawBody looks first for a body someone has already read. */
const H3_RAW_BODY = Symbol.for('h3RawBody')

/**
 * The 413 for a body past `limit`. The connection closes after the answer, so the server never has
 * to read (even to discard) the rest of a body it has refused.
 */
export function bodyTooLarge(limit: number): HttpProblem {
  return new HttpProblem(413, `The request body is larger than the ${limit} bytes this server accepts`, {
    type: problemTypes.bodyTooLarge,
    headers: { Connection: 'close' },
  })
}

/** The declared Content-Length, or undefined when the body's length is not known in advance (chunked). */
export function declaredLength(request: IncomingMessage): number | undefined {
  const header = request.headers['content-length']
  return header === undefined ? undefined : Number(header)
}

/**
 * Reads a body of unknown length, counting bytes as they arrive: past `limit` it stops reading and
 * throws the 413, having held at most `limit` bytes. What it read is handed to h3, so routes read
 * the body as usual.
 */
export async function readBodyWithin(request: IncomingMessage, limit: number): Promise<void> {
  const body = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return chunks.push(chunk)
      stop()
      request.pause()
      reject(bodyTooLarge(limit))
    }
    const onEnd = () => {
      stop()
      resolve(Buffer.concat(chunks))
    }
    const onError = (error: Error) => {
      stop()
      reject(error)
    }
    const stop = () => {
      request.off('data', onData).off('end', onEnd).off('error', onError)
    }
    request.on('data', onData).on('end', onEnd).on('error', onError)
  })
  Object.assign(request, { [H3_RAW_BODY]: Promise.resolve(body) })
}
