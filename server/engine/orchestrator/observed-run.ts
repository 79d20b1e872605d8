import { logger } from '../../observability/logger'
import { campaignRuns } from '../../observability/metrics'
import { executeRun, type RunDependencies, type RunJob, type RunOutcome } from './campaign-run'
import { explainRunFailure } from './run-failures'
import { RunInterrupted } from './run-interruptions'
import { RunWrites } from './run-writes'

/**
 * Executes one run with its log lines and its count in campaign_runs_total. An unexpected failure
 * (the database went away) ends the run Failed, visibly, not stuck, and followers hear a reference
 * to quote, never the failure's own words. An execution that lost the run says nothing: the run is
 * another executor's.
 */
export async function executeObservedRun(job: RunJob, deps: RunDependencies, writes = new RunWrites(deps.repository, job)): Promise<RunOutcome> {
  const fields = { campaignId: job.campaignId, runId: job.runId }
  logger.info(fields, 'Campaign run started')
  let outcome: RunOutcome = 'failed'
  try {
    outcome = await executeRun(job, deps, writes)
    if (outcome === 'failed') logger.warn(fields, 'Campaign run failed: generation failed after retries')
    else logger.info({ ...fields, outcome }, 'Campaign run ended')
  }
  catch (error) {
    if (job.controller.signal.reason instanceof RunInterrupted) {
      outcome = 'interrupted'
      logger.info({ ...fields, outcome }, 'Campaign run ended')
      return outcome
    }
    const statusReason = `Generation stopped: ${explainRunFailure(error, fields)}. Generate again to retry.`
    // Undefined when the database did not answer (followers still hear of the failure); null when
    // refused: the run moved on (another executor took it, or the campaign was deleted).
    const row = await writes.end({ status: 'Failed', stage: null, statusReason }).catch(() => undefined)
    if (row === null) return outcome
    deps.events.failed({ campaignId: job.campaignId, errorMessage: statusReason, failedAt: (row?.updatedAt ?? new Date()).toISOString() })
  }
  finally {
    campaignRuns.inc({ outcome })
  }
  return outcome
}
