import { logger } from '../../observability/logger'
import { campaignRuns } from '../../observability/metrics'
import { executeRun, type RunDependencies, type RunJob, type RunOutcome } from './campaign-run'
import { explainRunFailure } from './run-failures'

/**
 * Executes one run with its log lines and its count in campaign_runs_total. An unexpected failure
 * (the database went away) ends the run Failed, visibly, not stuck, and followers hear a reference
 * to quote, never the failure's own words.
 */
export async function executeObservedRun(job: RunJob, deps: RunDependencies): Promise<RunOutcome> {
  const fields = { campaignId: job.campaignId, runId: job.runId }
  logger.info(fields, 'Campaign run started')
  let outcome: RunOutcome = 'failed'
  try {
    outcome = await executeRun(job, deps)
    if (outcome === 'failed') logger.warn(fields, 'Campaign run failed: generation failed after retries')
    else logger.info({ ...fields, outcome }, 'Campaign run ended')
  }
  catch (error) {
    const statusReason = `Generation stopped: ${explainRunFailure(error, fields)}. Generate again to retry.`
    const row = await deps.repository.update(job.campaignId, { status: 'Failed', stage: null, statusReason }).catch(() => null)
    deps.events.failed({ campaignId: job.campaignId, errorMessage: statusReason, failedAt: (row?.updatedAt ?? new Date()).toISOString() })
  }
  finally {
    campaignRuns.inc({ outcome })
  }
  return outcome
}
