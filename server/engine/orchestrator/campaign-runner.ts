import { RUNNING_STAGES } from '../../../shared/campaign'
import { newId } from '../campaigns/ids'
import type { RunRequest } from '../campaigns/run-request'
import { executeRun, ServerShutdown, type RunDependencies, type RunJob } from './campaign-run'
import { RunQueue } from './run-queue'

/**
 * Schedules campaign runs: at most `concurrency` at once, each cancellable, and resumes the
 * runs a restart interrupted. The campaign service decides whether a run may start.
 */
export class CampaignRunner {
  private readonly queue: RunQueue<RunJob>
  private readonly active = new Map<string, RunJob>()

  constructor(private readonly deps: RunDependencies, concurrency: number) {
    this.queue = new RunQueue(concurrency, job => this.execute(job))
  }

  /** A new run id for a run the service has claimed (persisted with the campaign before `start`). */
  newRunId(): string {
    return newId('run')
  }

  start(campaignId: string, runId: string, request: RunRequest): void {
    const job: RunJob = { campaignId, runId, request, controller: new AbortController() }
    this.active.set(campaignId, job)
    this.queue.push(job)
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
        this.start(campaign.id, campaign.runId, request)
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

  private async execute(job: RunJob): Promise<void> {
    try {
      await executeRun(job, this.deps)
    }
    catch (error) {
      // An unexpected failure (the database went away): the run ends Failed, visibly, not stuck.
      console.error(`Campaign run ${job.runId} failed unexpectedly:`, error instanceof Error ? error.message : error)
      await this.deps.repository.update(job.campaignId, { status: 'Failed', stage: null, statusReason: 'An unexpected error stopped generation. Generate again to retry.' })
        .catch(() => {})
    }
    finally {
      if (this.active.get(job.campaignId) === job) this.active.delete(job.campaignId)
    }
  }
}
