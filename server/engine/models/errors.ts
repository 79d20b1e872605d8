/** A single model call took longer than MODEL_TIMEOUT_MS. Worth retrying: the server may be busy. */
export class ModelTimeoutError extends Error {
  override name = 'ModelTimeoutError'
  constructor(readonly what: string, readonly timeoutMs: number, options?: { cause?: unknown }) {
    super(`${what}: the model did not finish within ${timeoutMs} ms`, options)
  }
}

/**
 * The model answered, but twice without the structure we asked for. Not worth retrying the
 * same request again automatically: the marketer can regenerate or change the brief.
 */
export class ModelOutputError extends Error {
  override name = 'ModelOutputError'
  constructor(readonly what: string, readonly problems: string[]) {
    super(`${what}: the model's answer did not have the required structure after one retry: ${problems.join('; ')}`)
  }
}
