import pg from 'pg'
import { logger } from '../observability/logger'
import { describeError } from '../utils/describe-error'

/** Milliseconds between attempts to listen again after the connection was lost. */
const RELISTEN_DELAY_MS = 1000
/** Idle time before TCP keep-alive probes start on the listening connection. */
const KEEP_ALIVE_DELAY_MS = 10_000

export interface PostgresListenerEvents {
  notification(channel: string, payload: string): void
  /** Listening (again): from now on every notification on the channels arrives. */
  listening?(): void
  /** The connection is gone: notifications sent before `listening` comes again are missed. */
  lost?(): void
}

/**
 * One connection that LISTENs to PostgreSQL channels for this process, and listens again, every
 * second until it can, when the connection is lost. Notifications sent while it was down are not
 * delivered later: `lost` and `listening` let the owner make up for them.
 */
export class PostgresListener {
  private client: pg.Client | undefined
  private closed = false

  /** `name` says in logs, and in `pg_stat_activity.application_name`, which listener this is. */
  constructor(
    private readonly connectionString: string,
    private readonly channels: readonly string[],
    private readonly name: string,
    private readonly events: PostgresListenerEvents,
  ) {}

  /** Connects and listens; rejects when that fails. */
  async listen(): Promise<void> {
    // Kept alive: the connection is idle between notifications, and a peer that vanished without a
    // word is only found by probing it.
    const client = new pg.Client({ connectionString: this.connectionString, application_name: this.name, keepAlive: true, keepAliveInitialDelayMillis: KEEP_ALIVE_DELAY_MS })
    client.on('notification', (message) => {
      if (this.client === client) this.events.notification(message.channel, message.payload ?? '')
    })
    client.on('error', (error) => {
      logger.warn({ error: describeError(error), listener: this.name }, 'A PostgreSQL listener lost its connection; listening again')
      void this.relisten(client)
    })
    try {
      await client.connect()
      await client.query(this.channels.map(channel => `LISTEN ${channel}`).join('; '))
    }
    catch (error) {
      await client.end().catch(() => undefined)
      throw error
    }
    if (this.closed) {
      await client.end().catch(() => undefined)
      return
    }
    this.client = client
    this.events.listening?.()
  }

  /** Listens now if it can, otherwise keeps trying every second; never rejects. */
  listenInBackground(): void {
    this.listen().catch((error) => {
      logger.warn({ error: describeError(error), listener: this.name }, 'A PostgreSQL listener could not listen; trying again')
      void this.retry()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    const client = this.client
    this.client = undefined
    await client?.end().catch(() => undefined)
  }

  private async relisten(lost: pg.Client): Promise<void> {
    await lost.end().catch(() => undefined)
    if (this.closed || this.client !== lost) return
    this.client = undefined
    this.events.lost?.()
    await this.retry()
  }

  private async retry(): Promise<void> {
    while (!this.closed) {
      await new Promise(resolve => setTimeout(resolve, RELISTEN_DELAY_MS))
      if (this.closed) return
      try {
        await this.listen()
        return
      }
      catch (error) {
        logger.warn({ error: describeError(error), listener: this.name }, 'A PostgreSQL listener could not listen again; trying again')
      }
    }
  }
}
