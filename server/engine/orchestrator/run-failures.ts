import { randomUUID } from 'node:crypto'
import { APICallError, RetryError } from 'ai'
import { logger } from '../../observability/logger'
import { describeError } from '../../utils/describe-error'
import { ModelOutputError, ModelTimeoutError } from '../models/errors'
import { isNetworkError } from '../models/retry'

/** Enough to say what went wrong; a model's complaints about its own output can run long. */
const MAX_EXPLANATION_CHARACTERS = 300

/**
 * What a marketer may read about a failure inside a run: the model service's failures are ours to
 * explain; anything else is internal. An internal failure is logged once, in full, under a
 * correlation id, and the marketer is told only that reference: its own text may hold SQL and
 * the parameters it carried.
 */
export function explainRunFailure(error: unknown, fields: { campaignId: string, runId: string, artifactType?: string }): string {
  const cause = RetryError.isInstance(error) ? error.lastError : error
  if (cause instanceof ModelTimeoutError || cause instanceof ModelOutputError) return shorten(cause.message)
  if (APICallError.isInstance(cause)) {
    return cause.statusCode === undefined ? 'the model service could not be reached' : `the model service answered ${cause.statusCode}`
  }
  if (isNetworkError(cause)) return 'the model service could not be reached'
  const correlationId = randomUUID()
  logger.error({ ...fields, correlationId, error: describeError(error) }, `Campaign run failed inside the server (correlation id ${correlationId})`)
  return `an internal error occurred (reference ${correlationId})`
}

function shorten(text: string): string {
  return text.length <= MAX_EXPLANATION_CHARACTERS ? text : `${text.slice(0, MAX_EXPLANATION_CHARACTERS - 1)}…`
}
