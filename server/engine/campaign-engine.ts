import type { Database } from '../db/database'
import { logger } from '../observability/logger'
import { describeError } from '../utils/describe-error'
import { ArtifactEditor } from './campaigns/artifact-editor'
import { CampaignRepository } from './campaigns/campaign-repository'
import { CampaignService } from './campaigns/campaign-service'
import { auditArtifactsInTurns } from './compliance'
import type { EngineConfig } from './engine-config'
import { ModelLineInterpreter, ModelReviewer, ModelWriter, type ModelSetup } from './models'
import { observedRetry } from './observed-model-calls'
import type { CampaignEvents } from './orchestrator/campaign-events'
import type { Auditor } from './orchestrator/campaign-run'
import { CampaignRunner } from './orchestrator/campaign-runner'
import { QueuedCampaignRunner } from './orchestrator/queued-campaign-runner'
import type { RunScheduler } from './orchestrator/run-scheduler'
import { warmUpRunSteps } from './run-warm-up'
import { OfflineWriter } from './writers/offline/offline-writer'
import type { ArtifactWriter } from './writers/types'

export interface CampaignEngine {
  repository: CampaignRepository
  runner: RunScheduler
  service: CampaignService
  /** Versions a person makes: edits and restores. */
  editor: ArtifactEditor
  writer: ArtifactWriter
}

/**
 * Assembles the engine: the configured model (or the built-in offline writer), the rule
 * audit with an optional model review, the runner and the service the API and hub use.
 * With PostgreSQL (`databaseUrl`) runs go through the queue every instance shares.
 */
export async function createCampaignEngine(options: {
  db: Database
  /** What runs write through (DatabaseConnection.runDb); `db` when not given. */
  runDb?: Database
  databaseUrl: string | undefined
  events: CampaignEvents
  config: EngineConfig
  model: ModelSetup | null
}): Promise<CampaignEngine> {
  const { db, databaseUrl, events, config, model } = options
  const repository = new CampaignRepository(db)
  const writer: ArtifactWriter = model ? new ModelWriter(model) : new OfflineWriter({ paceMs: config.offlineWriterPaceMs })
  // A typical run writes three artifacts and audits them once or twice.
  const estimatedRunMs = model ? 90_000 : 15_000 + config.offlineWriterPaceMs * 600
  const deps = {
    repository: options.runDb ? new CampaignRepository(options.runDb) : repository,
    writer,
    audit: createAuditor(model),
    retry: observedRetry(config.retryBaseDelayMs),
    events,
    maxRevisionRounds: config.maxRevisionRounds,
  }
  const retryAfterSeconds = Math.ceil(estimatedRunMs / 1000)
  if (config.runConcurrency > 0) await warmUp()
  let runner: RunScheduler
  if (databaseUrl) {
    const queued = new QueuedCampaignRunner(deps, {
      databaseUrl,
      concurrency: config.runConcurrency,
      maxQueuedPerOwner: config.maxQueuedRunsPerUser,
      retryAfterSeconds,
      leaseSeconds: config.runLeaseSeconds,
      pollSeconds: config.runQueuePollSeconds,
    })
    await queued.start()
    runner = queued
  }
  else {
    runner = new CampaignRunner(deps, {
      concurrency: config.runConcurrency,
      maxRunningPerOwner: config.maxRunningRunsPerUser,
      maxQueuedPerOwner: config.maxQueuedRunsPerUser,
      retryAfterSeconds,
    })
  }
  const interpreter = model ? new ModelLineInterpreter(model) : null
  const service = new CampaignService(repository, runner, events, estimatedRunMs, interpreter ? analysis => interpreter.interpret(analysis) : undefined)
  return { repository, runner, writer, service, editor: new ArtifactEditor(repository, events) }
}

/** Before this process takes runs (see run-warm-up.ts). A failure costs only the warm-up: runs report their own. */
async function warmUp(): Promise<void> {
  const startedAt = performance.now()
  try {
    await warmUpRunSteps()
    logger.debug({ durationMs: Math.round(performance.now() - startedAt) }, 'Run steps warmed up')
  }
  catch (error) {
    logger.warn({ error: describeError(error) }, 'Warming up the run steps failed')
  }
}

/**
 * The rule engine always, its checks in slices between the event loop's other work; a configured
 * model adds its tone findings as a second opinion.
 */
function createAuditor(model: ModelSetup | null): Auditor {
  const reviewer = model ? new ModelReviewer(model) : null
  return async (input) => {
    const result = await auditArtifactsInTurns(input)
    if (!reviewer) return result
    const findings = await reviewer.review(input.brief, input.artifacts)
    return findings.length === 0 ? result : { ...result, issues: [...result.issues, ...findings] }
  }
}
