import { logger } from '../observability/logger'
import { modelCallDuration, modelCallErrors, modelCallRetries } from '../observability/metrics'
import { describeError } from '../utils/describe-error'
import { withRetries } from './models'
import type { Retry } from './orchestrator/campaign-run'

/**
 * Model calls get three attempts with exponential backoff; cancellation stops the waiting.
 * Each call is timed, each retry counted and logged, and a call that fails for good is logged
 * once with its campaign.
 */
export function observedRetry(baseDelayMs: number): Retry {
  return async (campaignId, attempt, signal) => {
    const stopTimer = modelCallDuration.startTimer()
    try {
      const result = await withRetries(attempt, {
        attempts: 3,
        baseDelayMs,
        signal,
        onRetry: ({ attempt: tried, delayMs, error }) => {
          modelCallRetries.inc()
          logger.warn({ campaignId, attempt: tried, delayMs: Math.round(delayMs), error: describeError(error) }, 'Model call will be retried')
        },
      })
      stopTimer({ outcome: 'success' })
      return result
    }
    catch (error) {
      if (signal.aborted) {
        stopTimer({ outcome: 'cancelled' })
      }
      else {
        stopTimer({ outcome: 'error' })
        modelCallErrors.inc()
        logger.error({ campaignId, error: describeError(error) }, 'Model call failed')
      }
      throw error
    }
  }
}
