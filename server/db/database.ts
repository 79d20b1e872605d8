import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type { schema } from './schema'
import type { SqlSession } from './sql-session'
import type { WriteHealth } from './write-health'

/** The Drizzle handle repositories use; the same type whichever driver is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>

export interface DatabaseConnection {
  db: Database
  /**
   * The handle campaign runs work through: on the embedded database their statements wait while
   * others (pages, REST, probes) are waiting; on PostgreSQL it is `db`.
   */
  runDb: Database
  kind: 'embedded' | 'postgres'
  /** Whether writes are being refused for a storage reason (a full disk …); reported on /health. */
  writes: WriteHealth
  /** Runs `work` on one dedicated connection. */
  withSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T>
  /**
   * Resolves when the database is up: a statement succeeded within the last RECENT_ANSWER_MS, or else
   * PostgreSQL answers a query on the probe's connection, the embedded one's thread answers.
   */
  ping(): Promise<void>
  close(): Promise<void>
}
