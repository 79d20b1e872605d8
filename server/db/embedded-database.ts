import { mkdirSync } from 'node:fs'
import type { PGlite } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import type { Database, DatabaseConnection } from './database'
import { backgroundHandle, EmbeddedDatabaseWorker } from './embedded/worker-client'
import { schema } from './schema'
import { statementCounter } from './statement-counter'
import { observeStatements } from './observe-statements'
import { RecentAnswer } from './recent-answer'
import { observeTransactions, WriteHealth } from './write-health'

/**
 * PostgreSQL compiled to WebAssembly, in a worker thread of this process: the same SQL dialect as
 * the server, with no set-up, and its work never blocks the event loop that serves requests.
 * `dataDir` keeps it on disk; without one it lives in memory (tests).
 */
export async function openEmbeddedDatabase(dataDir?: string): Promise<DatabaseConnection> {
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const client = await EmbeddedDatabaseWorker.start(dataDir)
  const writes = new WriteHealth()
  const answered = new RecentAnswer()
  observeStatements(client, [writes, answered])
  // Drizzle's PGlite driver needs only `query` and `transaction`, which the worker's handles provide.
  const handle = (driverClient: Pick<EmbeddedDatabaseWorker, 'query' | 'transaction'>) => {
    const db = drizzle({ client: driverClient as unknown as PGlite, schema, logger: statementCounter }) as unknown as Database
    observeTransactions(db, writes)
    return db
  }
  const db = handle(client)
  // PGlite is a single session: queueing work through it keeps statements of one session together.
  let queue: Promise<unknown> = Promise.resolve()
  return {
    db,
    runDb: handle(backgroundHandle(client)),
    kind: 'embedded',
    writes,
    withSession(work) {
      const run = queue.then(() => work({
        query: async (sql, params) => (await client.query(sql, params)).rows as never[],
      }))
      queue = run.catch(() => undefined)
      return run
    },
    // Not a SELECT: during a burst it would wait behind every queued write, and a load balancer's
    // probe would call a busy server dead. The thread answering between statements shows it is alive,
    // and so does a statement it has just answered.
    ping: () => answered.confirm(() => client.ping()),
    close: () => client.close(),
  }
}
