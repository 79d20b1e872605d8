import pg from 'pg'

/** How the probe's connection names itself to PostgreSQL (`pg_stat_activity.application_name`). */
export const PROBE_APPLICATION_NAME = 'marketing-agents-health'
/** A probe answers within this, or says the database is unhealthy: it never hangs. */
const PROBE_TIMEOUT_MS = 5000

/**
 * The connection `/health` asks PostgreSQL on: its own, outside the pool. Pooled statements wait
 * for a free connection, and during a burst every one is busy with requests and runs, so a probe
 * through the pool would time the queue rather than whether the database answers.
 * The connection opens on the first ping and is replaced after it fails or drops.
 */
export class PostgresProbe {
  private client: Promise<pg.Client> | null = null
  private closed = false

  constructor(private readonly connectionString: string) {}

  async ping(): Promise<void> {
    if (this.closed) throw new Error('The database connection is closed.')
    const opened = this.client ??= this.open()
    try {
      await (await opened).query('SELECT 1')
    }
    catch (error) {
      this.discard(opened)
      throw error
    }
  }

  async close(): Promise<void> {
    this.closed = true
    const opened = this.client
    this.client = null
    await opened?.then(client => client.end()).catch(() => undefined)
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: PROBE_APPLICATION_NAME,
      connectionTimeoutMillis: PROBE_TIMEOUT_MS,
      query_timeout: PROBE_TIMEOUT_MS,
    })
    const opened = client.connect().then(() => client)
    // A dropped connection emits 'error'; without a listener that would end the process. The next ping opens another.
    client.on('error', () => this.discard(opened))
    return opened
  }

  private discard(opened: Promise<pg.Client>): void {
    if (this.client !== opened) return
    this.client = null
    opened.then(client => client.end()).catch(() => undefined)
  }
}
