import { RUNNING_STAGES } from '#shared/campaign'
import { TooManyRunsError } from '../campaigns/campaign-errors'
import { newId } from '../campaigns/ids'
import type { RunRequest } from '../campaigns/run-request'
import { ServerShutdown, type RunDependencies, type RunJob } from './campaign-run'
import { measureRunQueue } from '../../observability/metrics'
import { FairRunQueue, type FairQueueLimits } from './fair-run-queue'
import { executeObservedRun } from './observed-run'
import type { RunClaim, RunScheduler } from './run-scheduler'

export interface RunnerLimits extends FairQueueLimits {
  /** Runs one owner may have queued or running; more are refused before anything is persisted. */
  maxQueuedPerOwner: number
  /** What to suggest to an owner whose runs are full: about one run's length. */
  retryAfterSeconds: number
}

/**
 * Schedules campaign runs in this process: at most `concurrency` at once, fairly between owners,
 * each cancellable, and resumes the runs a restart interrupted. The campaign service decides
 * whether a run may start. For one instance only: several share a queue in PostgreSQL instead.
 */
export class CampaignRunner implements RunScheduler {
  private readonly queue: FairRunQueue<RunJob>
  private readonly active = new Map<string, RunJob>()
  /** Per owner, runs whose claim is being written: they hold a place before they are queued. */
  private readonly claiming = new Map<string, number>()

  constructor(private readonly deps: RunDependencies, private readonly limits: RunnerLimits) {
    this.queue = new FairRunQueue(limits, job => this.execute(job))
    measureRunQueue(() => this.queue.waiting)
  }

  /** The place is held while the claim is written, so two requests racing for the last place cannot both take it. */
  async claimAndStart<Claimed>(ownerId: string, campaignId: string, request: RunRequest, claim: RunClaim<Claimed>): Promise<Claimed | null> {
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

  /** A queued run never starts, a running one stops its model calls. */
  async cancel(campaignId: string): Promise<boolean> {
    const job = this.active.get(campaignId)
    if (!job) return false
    job.controller.abort()
    const queued = this.queue.remove(candidate => candidate === job)
    // A run taken off the queue never reaches executeRun, so it is finished here instead.
    if (queued) void this.execute(job)
    return true
  }

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

  idle(): Promise<void> {
    return this.queue.idle()
  }

  async stopAll(): Promise<void> {
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
    try {
      await executeObservedRun(job, this.deps)
    }
    finally {
      if (this.active.get(job.campaignId) === job) this.active.delete(job.campaignId)
    }
  }
}
