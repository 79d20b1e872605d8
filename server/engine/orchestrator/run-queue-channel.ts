import { PostgresListener } from '../../db/postgres-listener'

const CANCELLED = 'campaign_run_cancel'
const QUEUED = 'campaign_run_queued'

export interface RunQueueListeners {
  /** A campaign's run was cancelled; the instance executing it stops it. */
  cancelled(campaignId: string): void
  /** A run was queued; an idle slot takes it now instead of at its next poll. */
  queued(): void
}

type Sql = { executeSql(text: string, values: unknown[]): Promise<unknown> }

/**
 * Tells every instance, through PostgreSQL's LISTEN/NOTIFY, what happened to the shared run queue:
 * a request may land on any instance, a run executes on one. A notification missed while the
 * listening connection was down is caught later (a cancel by the lease's next renewal, which reads
 * the persisted cancel; a queued run by the slots' next poll), so this is the fast path, not the only one.
 */
export class RunQueueChannel {
  private readonly listener: PostgresListener

  constructor(connectionString: string, listeners: RunQueueListeners) {
    this.listener = new PostgresListener(connectionString, [CANCELLED, QUEUED], 'run-queue-channel', {
      notification(channel, payload) {
        if (channel === CANCELLED && payload) listeners.cancelled(payload)
        else if (channel === QUEUED) listeners.queued()
      },
    })
  }

  listen(): Promise<void> {
    return this.listener.listen()
  }

  /** Reaches the instance executing the campaign's run, wherever that is. */
  static async notifyCancelled(db: Sql, campaignId: string): Promise<void> {
    await db.executeSql('SELECT pg_notify($1, $2)', [CANCELLED, campaignId])
  }

  /** Reaches every instance, this one included: whichever has a slot free takes the run. */
  static async notifyQueued(db: Sql): Promise<void> {
    await db.executeSql('SELECT pg_notify($1, $2)', [QUEUED, ''])
  }

  close(): Promise<void> {
    return this.listener.close()
  }
}
