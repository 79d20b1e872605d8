type Env = Record<string, string | undefined>

/** How the campaign engine runs; every value has a default so `npm start` needs no settings. */
export interface EngineConfig {
  /** Delay between streamed pieces of the offline writer, so a person can watch it write. */
  offlineWriterPaceMs: number
  /** Automatic revision rounds after an audit with High-severity findings. */
  maxRevisionRounds: number
  /** Campaign runs executed at once by this server. */
  runConcurrency: number
  /** Runs of one user executed at once, so one user's runs never take every slot. */
  maxRunningRunsPerUser: number
  /** Runs one user may have queued or running; further requests are refused (429). */
  maxQueuedRunsPerUser: number
  /** Delay before the second attempt of a failed model call; doubles for the third. */
  retryBaseDelayMs: number
  /** With PostgreSQL: seconds an instance may go silent before another takes its runs over. */
  runLeaseSeconds: number
  /** With PostgreSQL: seconds between looks, by one idle slot of the instance, for runs no notification announced (takeovers). */
  runQueuePollSeconds: number
}

export function loadEngineConfig(env: Env = process.env): EngineConfig {
  const runConcurrency = Math.max(1, wholeNumber(env, 'CAMPAIGN_RUN_CONCURRENCY', 4))
  return {
    offlineWriterPaceMs: wholeNumber(env, 'OFFLINE_WRITER_PACE_MS', 40),
    maxRevisionRounds: wholeNumber(env, 'MAX_REVISION_ROUNDS', 2),
    runConcurrency,
    // Half the slots by default: a second user's run starts as soon as a slot frees, whatever the first has queued.
    maxRunningRunsPerUser: Math.max(1, wholeNumber(env, 'MAX_RUNNING_RUNS_PER_USER', Math.floor(runConcurrency / 2))),
    maxQueuedRunsPerUser: Math.max(1, wholeNumber(env, 'MAX_QUEUED_RUNS_PER_USER', 10)),
    retryBaseDelayMs: wholeNumber(env, 'MODEL_RETRY_BASE_DELAY_MS', 500),
    // Renewed every third of it: below 3 s a busy event loop could miss its renewals.
    runLeaseSeconds: Math.max(3, wholeNumber(env, 'RUN_LEASE_SECONDS', 30)),
    runQueuePollSeconds: Math.max(1, wholeNumber(env, 'RUN_QUEUE_POLL_SECONDS', 1)),
  }
}

function wholeNumber(env: Env, name: string, fallback: number): number {
  const text = env[name]?.trim()
  if (!text) return fallback
  const value = Number(text)
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number of 0 or more, not "${env[name]}"`)
  return value
}
