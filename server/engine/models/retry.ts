import { setTimeout as sleep } from 'node:timers/promises'
import { APICallError, RetryError } from 'ai'
import { ModelOutputError, ModelTimeoutError } from './errors'

export interface RetryOptions {
  /** Total tries, the first included. */
  attempts?: number
  /** Delay before the second try; doubled for each further try. */
  baseDelayMs?: number
  maxDelayMs?: number
  /** Stops waiting and retrying as soon as it aborts; its reason is thrown. */
  signal?: AbortSignal
  isRetryable?: (error: unknown) => boolean
  onRetry?: (info: { attempt: number, delayMs: number, error: unknown }) => void
}

/**
 * Calls `fn` until it succeeds, retrying transient failures with exponential backoff.
 *
 * Delays carry jitter so that many campaigns hitting one rate limit together do not retry in
 * lockstep, and a server's Retry-After is honoured (up to maxDelayMs) when it asks for longer.
 */
export async function withRetries<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 3)
  const baseDelayMs = options.baseDelayMs ?? 500
  const maxDelayMs = options.maxDelayMs ?? 30_000
  const isRetryable = options.isRetryable ?? isRetryableModelError
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted()
    try {
      return await fn(attempt)
    }
    catch (error) {
      options.signal?.throwIfAborted()
      if (attempt >= attempts || !isRetryable(error)) throw error
      const backoff = baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2)
      const delayMs = Math.min(maxDelayMs, Math.max(backoff, retryAfterMs(error) ?? 0))
      options.onRetry?.({ attempt, delayMs, error })
      await sleep(delayMs, undefined, { signal: options.signal })
    }
  }
}

const NETWORK_ERROR_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH',
  'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT',
])

/**
 * Transient: rate limits (429), server errors (5xx), request timeouts (408), network failures
 * and our per-call timeout. Not: other 4xx (the request itself is wrong and would fail again),
 * cancellation, invalid model output (already retried once) or programming errors.
 */
export function isRetryableModelError(error: unknown): boolean {
  if (RetryError.isInstance(error)) return isRetryableModelError(error.lastError)
  if (error instanceof ModelTimeoutError) return true
  if (error instanceof ModelOutputError) return false
  if (isNamed(error, 'AbortError')) return false
  if (isNamed(error, 'TimeoutError')) return true
  if (APICallError.isInstance(error)) {
    const status = error.statusCode
    if (status === undefined) return error.isRetryable || isNetworkError(error)
    return status === 408 || status === 429 || status >= 500
  }
  return isNetworkError(error)
}

/** The server's Retry-After (seconds or an HTTP date) in milliseconds, when present. */
export function retryAfterMs(error: unknown): number | undefined {
  const cause = RetryError.isInstance(error) ? error.lastError : error
  if (!APICallError.isInstance(cause)) return undefined
  const headers = cause.responseHeaders ?? {}
  if (headers['retry-after-ms']) return positive(Number(headers['retry-after-ms']))
  const value = headers['retry-after']
  if (!value) return undefined
  const seconds = Number(value)
  return Number.isFinite(seconds) ? positive(seconds * 1000) : positive(Date.parse(value) - Date.now())
}

function positive(ms: number): number | undefined {
  return Number.isFinite(ms) && ms > 0 ? ms : undefined
}

function isNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name
}

/** Looks through the cause chain for a socket-level failure (fetch wraps them in TypeError). */
export function isNetworkError(error: unknown): boolean {
  const seen = new Set<unknown>()
  let current = error
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current)
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && NETWORK_ERROR_CODES.has(code)) return true
    if (current instanceof TypeError && ['fetch failed', 'terminated'].includes(current.message)) return true
    current = current.cause
  }
  return false
}
