import { ARTIFACT_TYPES, type ArtifactType, type CampaignArtifact, type FeedbackCheck } from '#shared/campaign'
import type { CampaignRow } from '../../db/schema'
import { AGENT_NAMES } from '../campaigns/agents'
import { auditVersions, type Auditor } from '../campaigns/audit-current-versions'
import { briefChecksOf } from '../campaigns/brief-checks'
import type { CampaignPatch, CampaignRepository } from '../campaigns/campaign-repository'
import type { CampaignWithFeedback } from '../campaigns/campaign-with-feedback'
import { toArtifact } from '../campaigns/campaign-views'
import { announceStatus } from '../campaigns/status-announcer'
import type { RunRequest } from '../campaigns/run-request'
import { feedbackItems, readerText, verifyFeedback } from '../feedback'
import type { ArtifactWriter } from '../writers/types'
import type { CampaignEvents } from './campaign-events'
import { ChunkCoalescer } from './chunk-coalescer'
import { StageClock } from './stage-clock'
import { explainRunFailure } from './run-failures'
import { RunCancelled, RunInterrupted } from './run-interruptions'
import { RunState } from './run-state'
import { RunWrites } from './run-writes'

export type { Auditor } from '../campaigns/audit-current-versions'

/** Calls the model (through `attempt`) for one campaign, retrying transient failures. */
export type Retry = <T>(campaignId: string, attempt: () => Promise<T>, signal: AbortSignal) => Promise<T>

export interface RunDependencies {
  repository: CampaignRepository
  writer: ArtifactWriter
  audit: Auditor
  retry: Retry
  events: CampaignEvents
  /** Automatic revision rounds after an audit that fails (High issues). */
  maxRevisionRounds: number
}

export interface RunJob {
  campaignId: string
  runId: string
  request: RunRequest
  controller: AbortController
}

/** How a run ended, for the log and the campaign_runs_total metric. */
export type RunOutcome = 'completed' | 'failed' | 'awaiting_review' | 'cancelled' | 'interrupted'

export { LeaseLost, RunInterrupted, ServerShutdown } from './run-interruptions'

/**
 * One run of a campaign: write the requested artifacts, audit everything current, revise
 * what the audit flags (up to the configured rounds), then complete, fail or wait for the
 * marketer. Every state change is persisted before it is announced, and every write is fenced by
 * `writes`: an execution that lost the run stops at its next write, which is refused. Snapshots come
 * from what the run holds (RunState) and the feedback its writes return, not from reads of their own.
 */
export async function executeRun(job: RunJob, deps: RunDependencies, writes = new RunWrites(deps.repository, job)): Promise<RunOutcome> {
  const { repository, events } = deps
  const { campaignId, controller: { signal } } = job
  const stages = new StageClock()
  const persist = async (patch: CampaignPatch) => {
    if (patch.stage !== undefined) stages.enter(patch.stage)
    return writes.update(patch)
  }

  try {
    // A run cancelled while queued ends here, never announced as started.
    signal.throwIfAborted()
    stages.enter('Generating')
    const taken = await writes.take({ stage: 'Generating', statusReason: null })
    // Deleted, or no longer this run (cancelled or replaced while it waited): nothing to do.
    if (!taken) return 'cancelled'
    let campaign: CampaignWithFeedback = taken
    const state = RunState.of(taken)
    const announceSnapshot = (row: CampaignWithFeedback) => events.statusChanged(row.ownerId, state.snapshot(row))
    events.started(campaignId)
    announceSnapshot(campaign)

    // A resumed run keeps what it wrote before the interruption.
    const written = new Set(state.currentVersions().filter(version => version.runId === job.runId).map(version => version.type))
    const toWrite = job.request.types.filter(type => !written.has(type))
    const failures = await writeArtifacts(job, campaign, toWrite, () => job.request.feedback, deps, writes, state)
    if (failures.length > 0) {
      const reason = failures.map(({ type, message }) => `${type}: ${message}`).join('; ')
      campaign = await persist({ status: 'Failed', stage: null, statusReason: `Generation failed after retries (${reason}). Regenerate the failed artifact to try again.`, runRequest: null })
      events.failed({ campaignId, errorMessage: campaign.statusReason!, failedAt: campaign.updatedAt.toISOString() })
      announceSnapshot(campaign)
      return 'failed'
    }

    for (let round = 0; ; round++) {
      campaign = await persist({ stage: 'Auditing' })
      announceSnapshot(campaign)
      const { result, audit, flagged, current } = await auditVersions(state.currentVersions(), campaign, deps.audit, writes)
      state.audited(audit, current)
      events.complianceChecked(result)

      const complete = current.length === ARTIFACT_TYPES.length
      if (complete && (result.verdict !== 'Fail' || current.every(version => version.status === 'Approved'))) {
        campaign = await persist({ status: 'Completed', stage: null, completedAt: new Date(), runRequest: null })
        events.completed(campaignId)
        announceSnapshot(campaign)
        return 'completed'
      }
      if (flagged.size === 0 || round >= deps.maxRevisionRounds) {
        campaign = await persist({
          stage: 'AwaitingReview',
          runRequest: null,
          statusReason: complete
            ? 'The audit still flags this work after automatic revisions: approve it, regenerate it with feedback, or revise the campaign.'
            : 'Some artifacts are missing: regenerate them to complete the campaign.',
        })
        announceSnapshot(campaign)
        return 'awaiting_review'
      }
      campaign = await persist({ stage: 'Revising' })
      announceSnapshot(campaign)
      const recommendations = (type: ArtifactType) => result.issues
        .filter(issue => issue.artifactType === type && issue.severity === 'High')
        .map(issue => issue.recommendation)
      const revisionFailures = await writeArtifacts(job, campaign, [...flagged], recommendations, deps, writes, state)
      if (revisionFailures.length > 0) {
        campaign = await persist({ stage: 'AwaitingReview', runRequest: null, statusReason: 'An automatic revision failed: regenerate the flagged artifacts to try again.' })
        announceSnapshot(campaign)
        return 'awaiting_review'
      }
    }
  }
  catch (error) {
    if (signal.reason instanceof RunInterrupted) return 'interrupted'
    if (!signal.aborted && !(error instanceof RunCancelled)) throw error
    const row = await writes.end({ status: 'Cancelled', stage: null, statusReason: 'Generation was cancelled. Completed artifacts were kept.', runRequest: null })
    if (row) await announceStatus(repository, events, row)
    return 'cancelled'
  }
  finally {
    stages.enter(null)
  }
}

/** Writes each type (in parallel or in sequence, as the brief says); returns the types that still failed. */
async function writeArtifacts(
  job: RunJob,
  campaign: CampaignRow,
  types: ArtifactType[],
  feedbackFor: (type: ArtifactType) => string[],
  deps: RunDependencies,
  writes: RunWrites,
  state: RunState,
): Promise<Array<{ type: ArtifactType, message: string }>> {
  const write = (type: ArtifactType) => writeOne(job, campaign, type, feedbackFor(type), deps, writes, state)
  const outcomes: PromiseSettledResult<void>[] = []
  if (campaign.brief.executionMode === 'sequential') {
    for (const type of types) outcomes.push(await write(type).then(value => ({ status: 'fulfilled' as const, value }), reason => ({ status: 'rejected' as const, reason })))
  }
  else {
    outcomes.push(...await Promise.allSettled(types.map(write)))
  }
  job.controller.signal.throwIfAborted()
  return outcomes.flatMap((outcome, index) => outcome.status === 'rejected'
    ? [{ type: types[index]!, message: explainRunFailure(outcome.reason, { campaignId: job.campaignId, runId: job.runId, artifactType: types[index] }) }]
    : [])
}

async function writeOne(
  job: RunJob, campaign: CampaignRow, type: ArtifactType, feedback: string[], deps: RunDependencies, writes: RunWrites, state: RunState,
): Promise<void> {
  const { campaignId, runId, request, controller: { signal } } = job
  const { writer, events } = deps
  const iteration = state.nextIteration(type)
  const previous = state.currentOf(type)
  const stream = new ChunkCoalescer((chunk, sequence, isComplete) => events.chunk({ campaignId, artifactType: type, chunk, isComplete, sequence }))
  const written = await deps.retry(campaignId, () => {
    // Each attempt streams its text from the start, so listeners start over with it.
    stream.restart()
    return writer.write({
      campaignId,
      brief: campaign.brief,
      checks: briefChecksOf(campaign).checks,
      type,
      iteration,
      feedback,
      tags: request.tags,
      signal,
      onText: chunk => stream.add(chunk),
    })
  }, signal).finally(() => stream.flush())
  signal.throwIfAborted()
  const feedbackChecks = checkFeedback(type, feedback, request.tags, written.metadata, previous?.metadata)
  const row = await writes.appendVersion({
    campaignId,
    type,
    iteration,
    content: written.content,
    metadata: { ...written.metadata, model: writer.model, iteration, ...(feedbackChecks.length > 0 && { feedbackChecks }) } as CampaignArtifact['metadata'],
    agentName: AGENT_NAMES[type],
    feedback,
    tags: request.tags,
    runId,
  })
  state.versionWritten(row)
  stream.complete()
  events.artifactGenerated(toArtifact(row))
}

/** Each item of the feedback, checked against the new version (and the one before it, for "shorter"). */
function checkFeedback(type: ArtifactType, feedback: string[], tags: string[], metadata: unknown, previous: unknown): FeedbackCheck[] {
  const items = feedbackItems(feedback, tags)
  if (items.length === 0) return []
  return verifyFeedback(items, readerText(type, metadata), previous === undefined ? null : readerText(type, previous))
}
