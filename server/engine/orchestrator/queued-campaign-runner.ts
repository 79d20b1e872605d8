import { createHash } from 'node:crypto'
import type pg from 'pg'
import PgBoss from 'pg-boss'
import { RUNNING_STAGES } from '#shared/campaign'
import { TooManyRunsError } from '../campaigns/campaign-errors'
import { newId } from '../campaigns/ids'
import type { RunRequest } from '../campaigns/run-request'
import type { CampaignRow } from '../../db/schema'
import { announceStatus } from '../campaigns/status-announcer'
import { logger } from '../../observability/logger'
import { postgresPool } from '../../db/postgres-pool'
import { describeError } from '../../utils/describe-error'
import { OneAtATimePerKey } from '../../utils/one-at-a-time-per-key'
import { LeaseLost, ServerShutdown, type RunDependencies, type RunJob, type RunOutcome } from './campaign-run'
import { executeObservedRun } from './observed-run'
import { RunQueueChannel } from './run-queue-channel'
import { RunQueueSql, countQueueStatement } from './run-queue-sql'
import { RunWrites } from './run-writes'
import type { RunClaim, RunScheduler } from './run-scheduler'
import { WakeSignal } from './wake-signal'

const QUEUE = 'campaign-run'
/** pg-boss keeps its tables in their own schema, beside the application's. */
const SCHEMA = 'pgboss'
const OWNER_LOCK_SPACE = 7302
/** A run is offered again this many times after its executor vanished; each run's state is persisted, so this bounds crash loops only. */
const RETRY_LIMIT = 100

export interface QueuedRunnerOptions {
  databaseUrl: string
  /** Runs this instance executes at once; 0 for an instance that executes none (ROLE=web). */
  concurrency: number
  maxQueuedPerOwner: number
  retryAfterSeconds: number
  /** Seconds an executor may go without renewing its lease before another instance takes the run over. */
  leaseSeconds: number
  /**
   * Seconds between looks for a waiting run by one of this instance's idle slots. A queued run wakes
   * a slot at once; the poll finds what no notification announces (a run whose executor vanished, a
   * missed notification).
   */
  pollSeconds: number
}

interface RunJobData {
  campaignId: string
  runId: string
}

/**
 * The queue job this instance holds: its id, and which offer of it (pg-boss counts each fetch of a
 * job started before): a takeover fetches the same job again, so the id alone does not say whose it is.
 */
interface Lease {
  jobId: string
  attempt: number
}

/** What this instance executes: the run and the queue job that leases it. */
interface Execution {
  job: RunJob
  jobId: string
}

/**
 * Runs through a job queue in PostgreSQL (pg-boss): every instance may queue runs, each run is
 * fetched by exactly one instance (FOR UPDATE SKIP LOCKED), and its executor renews the job's lease
 * while it works. When an executor dies, its lease runs out, pg-boss offers the job again, and the
 * instance that takes it resumes the run from its persisted state. Cancelling persists the request
 * and notifies every instance.
 */
export class QueuedCampaignRunner implements RunScheduler {
  private readonly sql: RunQueueSql
  private readonly boss: PgBoss
  private readonly channel: RunQueueChannel
  /** Where idle slots wait for a queued run or their next poll. */
  private readonly idleSlots = new WakeSignal()
  /** Connections that hold an owner's lock while a run is counted and claimed. */
  private readonly ownerLocks: pg.Pool
  /**
   * One owner's requests take the lock one after another in this process, so that at most one of
   * its connections is ever spent on an owner: a burst of one user's launches waiting in
   * PostgreSQL for their owner's lock would otherwise hold every connection, and every other user's
   * launches would wait behind them.
   */
  private readonly ownerTurns = new OneAtATimePerKey()
  private readonly executing = new Map<string, Execution>()
  private readonly loops: Array<Promise<void>> = []
  private poll: NodeJS.Timeout | undefined
  private stopping = false
  private readonly drained: Array<() => void> = []

  constructor(private readonly deps: RunDependencies, private readonly options: QueuedRunnerOptions) {
    this.sql = new RunQueueSql(options.databaseUrl, 4, error => logger.warn({ error: describeError(error) }, 'Run queue connection error'))
    this.boss = new PgBoss({
      // The statements the queue sends for the runs pass their own executor, counted by purpose; this one is the queue's upkeep.
      db: this.sql.for('upkeep'),
      schema: SCHEMA,
      // Expired leases are found by this check: a third of the lease keeps the takeover within about 1⅓ leases.
      maintenanceIntervalSeconds: Math.max(1, Math.floor(options.leaseSeconds / 3)),
      // No cron schedules are kept here, so nothing needs pg-boss's clock checks and cron polling.
      schedule: false,
    })
    // Every launch takes its owner's lock here: one connection kept spares each launch after a quiet moment a new one.
    this.ownerLocks = postgresPool(options.databaseUrl, { name: 'run-owner-locks', max: 2, kept: 1 })
    this.ownerLocks.on('error', error => logger.warn({ error: describeError(error) }, 'Run queue lock connection error'))
    this.boss.on('error', error => logger.warn({ error: describeError(error) }, 'Run queue error'))
    this.channel = new RunQueueChannel(options.databaseUrl, {
      cancelled: campaignId => this.abortLocal(campaignId),
      queued: () => this.idleSlots.wakeOne(),
    })
  }

  /** Creates the queue's tables (once, whichever instance comes first) and starts this instance's slots. */
  async start(): Promise<void> {
    await this.boss.start()
    if (!await this.boss.getQueue(QUEUE)) {
      await this.boss.createQueue(QUEUE, { name: QUEUE, retryLimit: RETRY_LIMIT, retryDelay: 0, expireInSeconds: this.options.leaseSeconds })
    }
    await this.channel.listen()
    for (let slot = 0; slot < this.options.concurrency; slot++) this.loops.push(this.takeRuns())
    // One idle slot looks per poll, not each of them: an idle instance costs one statement a poll.
    if (this.options.concurrency > 0) this.poll = setInterval(() => this.idleSlots.wakeOne(), this.options.pollSeconds * 1000)
  }

  async claimAndStart<Claimed>(ownerId: string, campaignId: string, request: RunRequest, claim: RunClaim<Claimed>): Promise<Claimed | null> {
    const runId = newId('run')
    // Counted in the database by the claim's own statement, under a lock per owner, so the limit
    // holds across instances. The claimed run counts from then on, so its job is queued after the
    // lock is let go: an owner's requests wait for one another's claim only.
    const claimed = await this.ownerTurns.run(ownerId, () => this.withOwnerLock(ownerId, async () => {
      const won = await claim(runId, this.options.maxQueuedPerOwner)
      if (won) return won
      // Refused: for the owner's runs under way, or for what refuses any claim (a run already, gone).
      const runs = await this.deps.repository.countRuns(ownerId, RUNNING_STAGES)
      if (runs >= this.options.maxQueuedPerOwner) throw new TooManyRunsError(runs, this.options.retryAfterSeconds)
      return null
    }))
    if (claimed) {
      await this.enqueue({ campaignId, runId }).catch(async (error) => {
        // Not left Queued with no job to run it: the request fails (500) and the campaign says so.
        await this.deps.repository.updateRun(campaignId, runId, ['Queued'], { status: 'Failed', stage: null, statusReason: 'The run could not be queued. Generate again to retry.', runRequest: null })
        throw error
      })
    }
    return claimed
  }

  async cancel(campaignId: string): Promise<boolean> {
    const row = await this.deps.repository.find(campaignId)
    if (!row?.runId) return false
    // Not started anywhere yet: it ends now, and the job finds it over.
    const cancelled = await this.deps.repository.updateRun(campaignId, row.runId, ['Queued'], cancelledPatch)
    if (cancelled) {
      await announceStatus(this.deps.repository, this.deps.events, cancelled)
      return true
    }
    // Executing somewhere: withdraw the run's request (persisted, so a takeover sees it too) and tell its executor.
    const withdrawn = await this.deps.repository.updateRun(campaignId, row.runId, RUNNING_STAGES, { runRequest: null })
    if (!withdrawn) return false
    await RunQueueChannel.notifyCancelled(this.sql.for('announce'), campaignId)
    return true
  }

  /**
   * Every run left in a running stage gets a job unless it has one waiting or taken: one interrupted
   * before it had a job (a failure between the claim and the queue), or whose job was closed while
   * the run was not finished, would otherwise stay "running" forever. A run whose job waits or is
   * taken keeps it, so instances restarting together resume each run once.
   */
  async resumeInterrupted(): Promise<number> {
    const interrupted = await this.deps.repository.findInterrupted(RUNNING_STAGES)
    let queued = 0
    for (const campaign of interrupted) {
      if (!campaign.runId) continue
      await this.forgetClosedJob(jobIdOf(campaign.runId))
      if (await this.enqueue({ campaignId: campaign.id, runId: campaign.runId })) queued++
    }
    return queued
  }

  idle(): Promise<void> {
    if (this.executing.size === 0) return Promise.resolve()
    return new Promise(resolve => this.drained.push(resolve))
  }

  async stopAll(): Promise<void> {
    this.stopping = true
    clearInterval(this.poll)
    this.idleSlots.wakeAll()
    for (const { job } of this.executing.values()) job.controller.abort(new ServerShutdown())
    await Promise.all(this.loops)
    await this.channel.close()
    await this.boss.stop({ graceful: false, wait: true })
    await this.sql.close()
    await this.ownerLocks.end()
  }

  /**
   * Removes the job if it is closed (completed, failed past its retries, cancelled), so the run's id
   * can be queued again. A job waiting or taken is left alone: another instance may be executing it.
   */
  private async forgetClosedJob(jobId: string): Promise<void> {
    await this.sql.for('upkeep').executeSql(
      `DELETE FROM ${SCHEMA}.job WHERE name = $1 AND id = $2 AND state IN ('completed', 'failed', 'cancelled')`,
      [QUEUE, jobId],
    )
  }

  private async enqueue(data: RunJobData): Promise<boolean> {
    // The job's id is derived from the run's: queueing a run twice (two instances resuming it) adds one job.
    const added = (await this.boss.send(QUEUE, data, { id: jobIdOf(data.runId), db: this.sql.for('enqueue') })) !== null
    // A slot of this instance asleep takes the run: no other instance is told, so none looks for it
    // in vain. Otherwise every instance is, this one included (a slot of its own may be looking).
    if (added && !this.idleSlots.wakeSleeper()) {
      await RunQueueChannel.notifyQueued(this.sql.for('announce'))
        .catch(error => logger.warn({ error: describeError(error), campaignId: data.campaignId }, 'A queued run was not announced: idle slots find it at their next poll'))
    }
    return added
  }

  private async takeRuns(): Promise<void> {
    while (!this.stopping) {
      const [job] = await this.idleSlots.look(() => this.boss.fetch<RunJobData>(QUEUE, { batchSize: 1, includeMetadata: true, db: this.sql.for('fetch') }).catch(() => []))
      if (!job) {
        await this.idleSlots.sleep()
        continue
      }
      await this.executeJob({ jobId: job.id, attempt: job.retryCount }, job.data).catch(error => logger.error({ error: describeError(error), jobId: job.id }, 'A queued run could not be executed'))
    }
  }

  private async executeJob(lease: Lease, data: RunJobData): Promise<void> {
    const controller = new AbortController()
    const writes = new RunWrites(this.deps.repository, { ...data, controller })
    // The lease runs from the fetch, which has just started it: renewed every third of it from now on.
    const renewal = setInterval(() => void this.checkLease(lease, data, controller, writes, { renew: true }), (this.options.leaseSeconds * 1000) / 3)
    try {
      const read = await this.checkLease(lease, data, controller, writes, { renew: false })
      // Lost already (a takeover): the run is another instance's. A cancel read here is handled as it runs.
      if (!(controller.signal.reason instanceof LeaseLost)) {
        await this.executeLeased(lease.jobId, data, controller, writes, read ?? await this.deps.repository.find(data.campaignId))
      }
    }
    finally {
      clearInterval(renewal)
    }
  }

  /** `row` is the campaign as read since the job was fetched (null when it is gone). */
  private async executeLeased(jobId: string, data: RunJobData, controller: AbortController, writes: RunWrites, row: CampaignRow | null): Promise<void> {
    const { repository, events } = this.deps
    // Deleted, finished, cancelled while queued, or replaced by a newer run: nothing to do.
    if (!row || row.runId !== data.runId || row.status !== 'InProgress' || !RUNNING_STAGES.includes(row.stage as never)) {
      await this.finish(jobId)
      return
    }
    const request = row.runRequest as RunRequest | null
    if (!request) {
      // Cancelled while its executor was gone.
      const cancelled = await writes.end(cancelledPatch)
      if (cancelled) await announceStatus(repository, events, cancelled)
      await this.finish(jobId)
      return
    }
    if (this.stopping) {
      await this.offerAgain(jobId, 'The instance stopped before the run started.')
      return
    }
    const job: RunJob = { campaignId: row.id, runId: data.runId, request, controller }
    this.executing.set(row.id, { job, jobId })
    let outcome: RunOutcome
    try {
      outcome = await executeObservedRun(job, this.deps, writes)
    }
    finally {
      this.executing.delete(row.id)
      if (this.executing.size === 0) for (const resolve of this.drained.splice(0)) resolve()
    }
    const reason = job.controller.signal.reason
    // A lost lease belongs to the instance that took the run over: this one touches the job no more.
    if (reason instanceof LeaseLost) return
    // Stopping (whatever the run's last write met as the server closed): the job is offered again at
    // once, never closed, so the run resumes; a run that had already ended is found over and closed then.
    if (reason instanceof ServerShutdown || this.stopping) await this.offerAgain(jobId, `The executing instance stopped (${outcome}).`)
    else await this.finish(jobId)
  }

  /** Closes the job: its run needs no executor any more. */
  private async finish(jobId: string): Promise<void> {
    // The run's outcome is kept with the campaign; the job's own output is empty. (pg-boss reads its
    // options as the fourth argument only, whatever its types also allow.)
    await this.boss.complete(QUEUE, jobId, {}, { db: this.sql.for('finish') })
  }

  /** Hands the job back to the queue at once, so another executor (or this one, restarted) resumes the run. */
  private async offerAgain(jobId: string, reason: string): Promise<void> {
    await this.boss.fail(QUEUE, jobId, { reason }, { db: this.sql.for('finish') })
  }

  /**
   * Reads the run and checks that this instance still holds it: the run's epoch the one this
   * execution took, and (with `renew`) the same offer of the job still active, whose lease it then
   * extends. Also reads a cancel whose notification this instance missed. Returns the campaign as it
   * read it (null when gone), or undefined when the check failed.
   */
  private async checkLease(lease: Lease, job: RunJobData, controller: AbortController, writes: RunWrites, { renew }: { renew: boolean }): Promise<CampaignRow | null | undefined> {
    const lost = () => {
      logger.warn({ campaignId: job.campaignId, runId: job.runId }, 'Campaign run lease lost: another instance takes the run over')
      controller.abort(new LeaseLost())
      return undefined
    }
    try {
      const row = await this.deps.repository.find(job.campaignId)
      // Taken by another execution since: renewing would lengthen that one's lease.
      if (row && writes.epoch !== null && row.runEpoch !== writes.epoch) return lost()
      if (renew && !await this.extendLease(lease)) return lost()
      const stillRunning = row?.runId === job.runId && row.status === 'InProgress' && RUNNING_STAGES.includes(row.stage as never)
      if (stillRunning && row.runRequest === null) controller.abort()
      return row
    }
    catch (error) {
      // Renewal is retried at the next beat; the lease outlasts two missed beats.
      logger.warn({ error: describeError(error), campaignId: job.campaignId }, 'Campaign run lease not renewed')
      return undefined
    }
  }

  /** Whether the job was still this offer's, and active: its lease then runs again from now. */
  private async extendLease(lease: Lease): Promise<boolean> {
    const { rows } = await this.sql.for('lease').executeSql(
      `UPDATE ${SCHEMA}.job SET started_on = now() WHERE name = $1 AND id = $2 AND state = 'active' AND retry_count = $3 RETURNING id`,
      [QUEUE, lease.jobId, lease.attempt],
    )
    return rows.length > 0
  }

  private abortLocal(campaignId: string): void {
    this.executing.get(campaignId)?.job.controller.abort()
  }

  private async withOwnerLock<T>(ownerId: string, work: () => Promise<T>): Promise<T> {
    // A session lock on one connection: released by the unlock, or by PostgreSQL if this process dies.
    const client = await this.ownerLocks.connect()
    try {
      countQueueStatement('owner_lock')
      await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [OWNER_LOCK_SPACE, ownerId])
      try {
        return await work()
      }
      finally {
        countQueueStatement('owner_lock')
        await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [OWNER_LOCK_SPACE, ownerId])
      }
    }
    finally {
      client.release()
    }
  }
}

const cancelledPatch = { status: 'Cancelled', stage: null, statusReason: 'Generation was cancelled. Completed artifacts were kept.', runRequest: null } as const

/** A UUID (what pg-boss ids are) that only this run has. */
function jobIdOf(runId: string): string {
  const hex = createHash('sha256').update(runId).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
