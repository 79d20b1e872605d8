import pg from 'pg'
import { logger } from '../../observability/logger'
import { describeError } from '../../utils/describe-error'

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
  private client: pg.Client | undefined
  private closed = false

  constructor(private readonly connectionString: string, private readonly listeners: RunQueueListeners) {}

  async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString })
    client.on('notification', (message) => {
      if (message.channel === CANCELLED && message.payload) this.listeners.cancelled(message.payload)
      else if (message.channel === QUEUED) this.listeners.queued()
    })
    client.on('error', (error) => {
      logger.warn({ error: describeError(error) }, 'The run queue channel lost its connection; listening again')
      void this.relisten(client)
    })
    await client.connect()
    await client.query(`LISTEN ${CANCELLED}; LISTEN ${QUEUED}`)
    this.client = client
  }

  /** Reaches the instance executing the campaign's run, wherever that is. */
  static async notifyCancelled(db: Sql, campaignId: string): Promise<void> {
    await db.executeSql('SELECT pg_notify($1, $2)', [CANCELLED, campaignId])
  }

  /** Reaches every instance, this one included: whichever has a slot free takes the run. */
  static async notifyQueued(db: Sql): Promise<void> {
    await db.executeSql('SELECT pg_notify($1, $2)', [QUEUED, ''])
  }

  async close(): Promise<void> {
    this.closed = true
    await this.client?.end().catch(() => undefined)
  }

  private async relisten(lost: pg.Client): Promise<void> {
    await lost.end().catch(() => undefined)
    if (this.closed || this.client !== lost) return
    this.client = undefined
    await new Promise(resolve => setTimeout(resolve, 1000))
    if (!this.closed) await this.listen().catch(error => logger.warn({ error: describeError(error) }, 'The run queue channel could not listen again'))
  }
}
