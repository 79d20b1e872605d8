import { RUNNING_STAGES } from '#shared/campaign'
import { TooManyRunsError } from '../campaigns/campaign-errors'
import { newId } from '../campaigns/ids'
import type { RunRequest } from '../campaigns/run-request'
import { executeRun, ServerShutdown, type RunDependencies, type RunJob, type RunOutcome } from './campaign-run'
import { logger } from '../../observability/logger'
import { campaignRuns, measureRunQueue } from '../../observability/metrics'
import { explainRunFailure } from './run-failures'
import { FairRunQueue, type FairQueueLimits } from './fair-run-queue'

export interface RunnerLimits extends FairQueueLimits {
  /** Runs one owner may have queued or running; more are refused before anything is persisted. */
  maxQueuedPerOwner: number
  /** What to suggest to an owner whose runs are full: about one run's length. */
  retryAfterSeconds: number
}

/**
 * Schedules campaign runs: at most `concurrency` at once, fairly between owners, each
 * cancellable, and resumes the runs a restart interrupted. The campaign service decides
 * whether a run may start.
 */
export class CampaignRunner {
  private readonly queue: FairRunQueue<RunJob>
  private readonly active = new Map<string, RunJob>()
  /** Per owner, runs whose claim is being written: they hold a place before they are queued. */
  private readonly claiming = new Map<string, number>()

  constructor(private readonly deps: RunDependencies, private readonly limits: RunnerLimits) {
    this.queue = new FairRunQueue(limits, job => this.execute(job))
    measureRunQueue(() => this.queue.waiting)
  }

  /**
   * Persists a new run with `claim` (given the run's id; null when the campaign is not free) and
   * queues it. Past the owner's limit it throws TooManyRunsError and claims nothing. The place is
   * held while the claim is written, so two requests racing for the last place cannot both take it.
   */
  async claimAndStart<Claimed>(
    ownerId: string, campaignId: string, request: RunRequest, claim: (runId: string) => Promise<Claimed | null>,
  ): Promise<Claimed | null> {
    const runs = this.queue.count(ownerId) + (this.claiming.get(ownerId) ?? 0)
    if (runs >= this.limits.maxQueuedPerOwner) throw new TooManyRunsError(runs, this.limits.retryAfterSeconds)
    this.holdPlace(ownerId, 1)
    try {
      const runId = newId('run')
      const claimed = await claim(runId)
      if (claimed) this.start(ownerId, campaignId, runId, request)
      return claimed
    }
    finally {
      this.holdPlace(ownerId, -1)
    }
  }

  /** Stops the campaign's run: a queued run never starts, a running one stops its model calls. */
  cancel(campaignId: string): boolean {
    const job = this.active.get(campaignId)
    if (!job) return false
    job.controller.abort()
    const queued = this.queue.remove(candidate => candidate === job)
    // A run taken off the queue never reaches executeRun, so it is finished here instead.
    if (queued) void this.execute(job)
    return true
  }

  /** Runs left InProgress by a stop or a crash start again from what they had persisted. */
  async resumeInterrupted(): Promise<number> {
    const interrupted = await this.deps.repository.findInterrupted(RUNNING_STAGES)
    for (const campaign of interrupted) {
      const request = campaign.runRequest as RunRequest | null
      if (request && campaign.runId) {
        // Already accepted before the restart: resumed even past the owner's limit, but in turn with other owners.
        this.start(campaign.ownerId, campaign.id, campaign.runId, request)
      }
      else {
        await this.deps.repository.update(campaign.id, {
          status: 'Failed',
          stage: null,
          statusReason: 'The server stopped during generation and the run could not be resumed. Generate again to retry.',
        })
      }
    }
    return interrupted.length
  }

  isRunning(campaignId: string): boolean {
    return this.active.has(campaignId)
  }

  /** Resolves when no run is queued or running (shutdown, tests, benchmarks). */
  idle(): Promise<void> {
    return this.queue.idle()
  }

  /** Cancels everything (shutdown): interrupted runs are resumed at the next start. */
  stopAll(): void {
    for (const job of this.active.values()) job.controller.abort(new ServerShutdown())
  }

  private start(ownerId: string, campaignId: string, runId: string, request: RunRequest): void {
    const job: RunJob = { campaignId, runId, request, controller: new AbortController() }
    this.active.set(campaignId, job)
    this.queue.push(ownerId, job)
  }

  private holdPlace(ownerId: string, change: 1 | -1): void {
    const held = (this.claiming.get(ownerId) ?? 0) + change
    if (held === 0) this.claiming.delete(ownerId)
    else this.claiming.set(ownerId, held)
  }

  private async execute(job: RunJob): Promise<void> {
    const fields = { campaignId: job.campaignId, runId: job.runId }
    logger.info(fields, 'Campaign run started')
    let outcome: RunOutcome = 'failed'
    try {
      outcome = await executeRun(job, this.deps)
      if (outcome === 'failed') logger.warn(fields, 'Campaign run failed: generation failed after retries')
      else logger.info({ ...fields, outcome }, 'Campaign run ended')
    }
    catch (error) {
      // An unexpected failure (the database went away): the run ends Failed, visibly, not stuck,
      // and followers hear why in words they can quote to find the details in the log.
      const statusReason = `Generation stopped: ${explainRunFailure(error, fields)}. Generate again to retry.`
      const row = await this.deps.repository.update(job.campaignId, { status: 'Failed', stage: null, statusReason }).catch(() => null)
      this.deps.events.failed({ campaignId: job.campaignId, errorMessage: statusReason, failedAt: (row?.updatedAt ?? new Date()).toISOString() })
    }
    finally {
      campaignRuns.inc({ outcome })
      if (this.active.get(job.campaignId) === job) this.active.delete(job.campaignId)
    }
  }
}
