import pg from 'pg'
import { logger } from '../../observability/logger'
import { describeError } from '../../utils/describe-error'

const CHANNEL = 'campaign_run_cancel'

/**
 * Tells every instance, through PostgreSQL's LISTEN/NOTIFY, that a campaign's run is cancelled: the
 * request may land on any instance, the run executes on one. A notification missed while the
 * listening connection was down is caught by the lease's next renewal, which reads the persisted
 * cancel (see QueuedCampaignRunner), so this is the fast path, not the only one.
 */
export class RunCancelChannel {
  private client: pg.Client | undefined
  private closed = false

  constructor(private readonly connectionString: string, private readonly onCancel: (campaignId: string) => void) {}

  async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString })
    client.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload) this.onCancel(message.payload)
    })
    client.on('error', (error) => {
      logger.warn({ error: describeError(error) }, 'The run cancel channel lost its connection; listening again')
      void this.relisten(client)
    })
    await client.connect()
    await client.query(`LISTEN ${CHANNEL}`)
    this.client = client
  }

  /** Reaches the instance executing the campaign's run, wherever that is. */
  static async notify(db: { executeSql(text: string, values: unknown[]): Promise<unknown> }, campaignId: string): Promise<void> {
    await db.executeSql('SELECT pg_notify($1, $2)', [CHANNEL, campaignId])
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
    if (!this.closed) await this.listen().catch(error => logger.warn({ error: describeError(error) }, 'The run cancel channel could not listen again'))
  }
}
