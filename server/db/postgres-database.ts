import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import type { Database, DatabaseConnection } from './database'
import { logger } from '../observability/logger'
import { describeError } from '../utils/describe-error'
import { schema } from './schema'
import { statementCounter } from './statement-counter'
import { PostgresProbe } from './postgres-probe'
import { observeWrites, WriteHealth } from './write-health'

export async function openPostgresDatabase(connectionString: string): Promise<DatabaseConnection> {
  const pool = new pg.Pool({ connectionString, max: 10 })
  // An idle client that loses its connection emits 'error'; without a listener that ends the process.
  pool.on('error', error => logger.error({ error: describeError(error) }, 'PostgreSQL connection error'))
  const writes = new WriteHealth()
  observeWrites(pool, writes)
  const db = drizzle({ client: pool, schema, logger: statementCounter }) as unknown as Database
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
    ping: () => probe.ping(),
    async close() {
      await probe.close()
      await pool.end()
    },
  }
}
