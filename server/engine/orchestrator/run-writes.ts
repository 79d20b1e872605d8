import { RUNNING_STAGES } from '#shared/campaign'
import type { ArtifactVersionRow, CampaignRow, ComplianceAuditRow } from '../../db/schema'
import type { CampaignPatch, CampaignRepository, JudgedAudit, NewArtifactVersion, RunFence } from '../campaigns/campaign-repository'
import type { CampaignWithFeedback, TakenCampaign } from '../campaigns/campaign-with-feedback'
import { logger } from '../../observability/logger'
import { runTurns, type LoopTurns } from './loop-turns'
import { LeaseLost, RunCancelled } from './run-interruptions'

/** What the writes need of a run: which it is, and how to stop it. */
export interface RunIdentity {
  campaignId: string
  runId: string
  controller: AbortController
}

/**
 * Every write one execution of a run makes, fenced by the epoch it took (`take`). When another
 * executor has taken the run since (a takeover after this one stalled past its lease), a write is
 * refused in the database, this execution is aborted with LeaseLost and nothing it does after
 * lands: the run's state, versions and audits are the new executor's alone. After each write the run's
 * next step waits for its share of the event loop (LoopTurns), so a burst of runs leaves every turn
 * room for requests.
 */
export class RunWrites {
  private fence: RunFence | null = null

  constructor(
    private readonly repository: CampaignRepository,
    private readonly run: RunIdentity,
    private readonly turns: Pick<LoopTurns, 'pass'> = runTurns,
  ) {}

  /** The epoch this execution holds; null until it took the run. */
  get epoch(): number | null {
    return this.fence?.epoch ?? null
  }

  /**
   * Takes the run (raising its epoch) with `patch`, reading what it starts from; null when the run
   * moved on (deleted, cancelled, replaced).
   */
  async take(patch: CampaignPatch): Promise<TakenCampaign | null> {
    const row = await this.repository.takeRun(this.run.campaignId, this.run.runId, RUNNING_STAGES, patch)
    if (row) this.fence = { campaignId: row.id, epoch: row.runEpoch }
    await this.turns.pass()
    return row
  }

  async update(patch: CampaignPatch): Promise<CampaignWithFeedback> {
    return this.fenced(this.repository.updateFenced(this.held(), patch))
  }

  async appendVersion(version: NewArtifactVersion): Promise<ArtifactVersionRow> {
    return this.fenced(this.repository.appendVersionFenced(this.held(), version))
  }

  /** The audit and the statuses it gives, stored together (an AuditStore). */
  async appendJudgedAudit(judged: JudgedAudit): Promise<ComplianceAuditRow> {
    return this.fenced(this.repository.appendJudgedAuditFenced(this.held(), judged))
  }

  /**
   * The run's last word after it stopped (cancelled, or failed inside the server): fenced once the run
   * was taken, else only while the run is still current. Null when refused; it never throws for that.
   */
  async end(patch: CampaignPatch): Promise<CampaignRow | null> {
    if (this.fence) return this.repository.updateFenced(this.fence, patch)
    return this.repository.updateRun(this.run.campaignId, this.run.runId, RUNNING_STAGES, patch)
  }

  /** What a fenced write returned, once the run's next step has its turn; a refused write stops the run. */
  private async fenced<T>(write: Promise<T | null>): Promise<T> {
    const row = await write ?? await this.refused()
    await this.turns.pass()
    return row
  }

  private held(): RunFence {
    if (!this.fence) throw new Error('A run writes only after it took the run.')
    return this.fence
  }

  /** Deleted: the run is cancelled. Otherwise another executor holds the run: this one stops. */
  private async refused(): Promise<never> {
    const { campaignId, runId, controller } = this.run
    if (!await this.repository.find(campaignId)) throw new RunCancelled('The campaign was deleted.')
    logger.warn({ campaignId, runId, epoch: this.epoch }, 'Campaign run write refused: another instance took the run over')
    controller.abort(new LeaseLost())
    throw controller.signal.reason
  }
}
