import { describe, expect, it } from 'vitest'
import { APICallError } from 'ai'
import type { CopyMetadata } from '#shared/campaign'
import { isRetryableModelError, ModelOutputError, ModelTimeoutError, retryAfterMs, withRetries } from '../../../server/engine/models'
import type { ScriptedReply } from './fake-openai-server'
import { useFakeModelWriter } from './writer-harness'
import { answerChunks, COPY_PROSE, copyStructure, writeRequest } from './fixtures'

const fake = useFakeModelWriter()
const { writerFor } = fake

const good: ScriptedReply = { kind: 'answer', chunks: answerChunks(COPY_PROSE, copyStructure) }

describe('withRetries around a model call', () => {
  it('retries a 429 and then succeeds', async () => {
    const writer = await writerFor([{ kind: 'status', status: 429, message: 'Rate limit reached' }, good])
    const retries: unknown[] = []
    const written = await withRetries(() => writer.write(writeRequest()), {
      baseDelayMs: 10,
      onRetry: ({ error }) => retries.push(error),
    })
    expect((written.metadata as CopyMetadata).headlines).toHaveLength(3)
    expect(fake.server.requests).toHaveLength(2)
    expect(retries).toHaveLength(1)
    expect(APICallError.isInstance(retries[0]) && retries[0].statusCode).toBe(429)
  })

  it('retries server errors up to the attempt limit, then gives up with the last error', async () => {
    const writer = await writerFor([{ kind: 'status', status: 500 }, { kind: 'status', status: 502 }, { kind: 'status', status: 503 }, good])
    const failure = await withRetries(() => writer.write(writeRequest()), { attempts: 3, baseDelayMs: 5 }).catch((error: unknown) => error)
    expect(APICallError.isInstance(failure) && failure.statusCode).toBe(503)
    expect(fake.server.requests).toHaveLength(3)
  })

  it('does not retry a request the server rejects as invalid (400)', async () => {
    const writer = await writerFor([{ kind: 'status', status: 400, message: 'bad request' }, good])
    await expect(withRetries(() => writer.write(writeRequest()), { baseDelayMs: 5 })).rejects.toMatchObject({ statusCode: 400 })
    expect(fake.server.requests).toHaveLength(1)
  })

  it('retries a per-call timeout', async () => {
    const writer = await writerFor([{ kind: 'stall', chunks: ['Refill '] }, good], 250)
    const written = await withRetries(() => writer.write(writeRequest()), { baseDelayMs: 5 })
    expect((written.metadata as CopyMetadata).toneNote).toBeTruthy()
    expect(fake.server.requests).toHaveLength(2)
  })

  it('stops waiting between attempts as soon as the run is cancelled', async () => {
    const writer = await writerFor([{ kind: 'status', status: 503 }, good])
    const controller = new AbortController()
    // A wait between attempts longer than the test may take: only the cancel can end it.
    const attempt = withRetries(() => writer.write(writeRequest({ signal: controller.signal })), {
      baseDelayMs: 600_000,
      signal: controller.signal,
      onRetry: () => setTimeout(() => controller.abort(), 20),
    })
    await expect(attempt).rejects.toMatchObject({ name: 'AbortError' })
    expect(fake.server.requests).toHaveLength(1)
  })
})

describe('which failures are worth retrying', () => {
  const apiError = (statusCode?: number, headers?: Record<string, string>) => new APICallError({
    message: 'failed',
    url: 'http://127.0.0.1/v1/chat/completions',
    requestBodyValues: {},
    statusCode,
    responseHeaders: headers,
    isRetryable: statusCode === undefined,
  })

  it.each([
    ['429', apiError(429), true],
    ['500', apiError(500), true],
    ['503', apiError(503), true],
    ['408', apiError(408), true],
    ['a network failure', apiError(undefined), true],
    ['a socket reset', new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) }), true],
    ['a per-call timeout', new ModelTimeoutError('Copy', 100), true],
    ['400', apiError(400), false],
    ['401', apiError(401), false],
    ['422', apiError(422), false],
    ['invalid model output', new ModelOutputError('Copy', ['headlines needs at least 3 headlines']), false],
    ['cancellation', new DOMException('aborted', 'AbortError'), false],
    ['a programming error', new RangeError('bug'), false],
  ])('%s → %s', (_name, error, retryable) => {
    expect(isRetryableModelError(error)).toBe(retryable)
  })

  it('reads Retry-After in seconds and Retry-After-Ms', () => {
    expect(retryAfterMs(apiError(429, { 'retry-after': '2' }))).toBe(2_000)
    expect(retryAfterMs(apiError(429, { 'retry-after-ms': '150' }))).toBe(150)
    expect(retryAfterMs(apiError(429))).toBeUndefined()
  })

  it('waits at least as long as Retry-After asks, within maxDelayMs', async () => {
    const delays: number[] = []
    let calls = 0
    await withRetries(async () => {
      if (calls++ === 0) throw apiError(429, { 'retry-after-ms': '120' })
      return 'ok'
    }, { baseDelayMs: 1, onRetry: ({ delayMs }) => delays.push(delayMs) })
    expect(delays).toEqual([120])
  })
})
