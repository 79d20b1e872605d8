import { ModelTimeoutError } from './errors'

/**
 * Runs one model call under its own timeout, combined with the caller's cancellation.
 *
 * The SDK surfaces both as the same abort, so afterwards we say which one happened:
 * cancellation rethrows the caller's reason untouched (the orchestrator recognises it),
 * a timeout becomes ModelTimeoutError (which the retry policy retries).
 */
export async function withCallTimeout<T>(
  what: string,
  options: { signal: AbortSignal, timeoutMs: number },
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  options.signal.throwIfAborted()
  const timeout = AbortSignal.timeout(options.timeoutMs)
  const combined = AbortSignal.any([options.signal, timeout])
  let result: T
  try {
    result = await call(combined)
  }
  catch (error) {
    throw explain(error)
  }
  // Some SDK paths end an aborted stream quietly instead of throwing.
  if (combined.aborted) throw explain(undefined)
  return result

  function explain(error: unknown): unknown {
    if (options.signal.aborted) return options.signal.reason
    if (timeout.aborted) return new ModelTimeoutError(what, options.timeoutMs, { cause: error })
    return error
  }
}
