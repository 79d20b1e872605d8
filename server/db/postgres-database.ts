import { drizzle } from 'drizzle-orm/node-postgres'
import type { Database, DatabaseConnection } from './database'
import { logger } from '../observability/logger'
import { describeError } from '../utils/describe-error'
import { schema } from './schema'
import { postgresPool } from './postgres-pool'
import { statementCounter } from './statement-counter'
import { PostgresProbe } from './postgres-probe'
import { observeStatements } from './observe-statements'
import { RecentAnswer } from './recent-answer'
import { observeTransactions, WriteHealth } from './write-health'

export async function openPostgresDatabase(connectionString: string): Promise<DatabaseConnection> {
  // Four kept: as many as the runs of an instance, at the default concurrency, send statements at once.
  const pool = postgresPool(connectionString, { name: 'repositories', max: 10, kept: 4 })
  // An idle client that loses its connection emits 'error'; without a listener that ends the process.
  pool.on('error', error => logger.error({ error: describeError(error) }, 'PostgreSQL connection error'))
  const writes = new WriteHealth()
  const answered = new RecentAnswer()
  observeStatements(pool, [writes, answered])
  const db = drizzle({ client: pool, schema, logger: statementCounter }) as unknown as Database
  observeTransactions(db, writes)
  const probe = new PostgresProbe(connectionString)
  return {
    db,
    runDb: db,
    kind: 'postgres',
    writes,
    async withSession(work) {
      const client = await pool.connect()
      try {
        return await work({
          query: async (sql, params) => (await client.query(sql, params)).rows,
        })
      }
      finally {
        client.release()
      }
    },
    // A pooled statement that just succeeded shows PostgreSQL answering; the probe asks only when none has.
    ping: () => answered.confirm(() => probe.ping()),
    async close() {
      await probe.close()
      await pool.end()
    },
  }
}
