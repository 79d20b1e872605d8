import type { RunRequest } from '../campaigns/run-request'

/** Writes the claim of run `runId`; with `ownerRunsBelow`, only while the owner has fewer runs under way. */
export type RunClaim<Claimed> = (runId: string, ownerRunsBelow?: number) => Promise<Claimed | null>

/**
 * Where runs wait and who executes them. One process with the embedded database: an in-process fair
 * queue (`CampaignRunner`). Several instances on PostgreSQL: a job queue in the database
 * (`QueuedCampaignRunner`), so each run is executed by exactly one instance.
 */
export interface RunScheduler {
  /**
   * Persists a new run with `claim` (given the run's id; null when the campaign is not free) and
   * queues it. Past the owner's limit it throws TooManyRunsError and claims nothing. A scheduler
   * that counts the owner's runs in the database gives `claim` the limit as `ownerRunsBelow`, for the
   * claim to count them in its own statement.
   */
  claimAndStart<Claimed>(ownerId: string, campaignId: string, request: RunRequest, claim: RunClaim<Claimed>): Promise<Claimed | null>
  /** Stops the campaign's run wherever it waits or executes; false when it has none to stop. */
  cancel(campaignId: string): Promise<boolean>
  /** At start-up: runs a stop or a crash interrupted carry on from what they had persisted. */
  resumeInterrupted(): Promise<number>
  /** Resolves when this instance queues and executes nothing (tests, benchmarks). */
  idle(): Promise<void>
  /** Shutdown: interrupts the runs this instance executes, to be resumed, and stops taking new ones. */
  stopAll(): Promise<void>
}
