import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import type { Database, DatabaseConnection } from './database'
import { schema } from './schema'
import { observeWrites, WriteHealth } from './write-health'

/**
 * PostgreSQL compiled to WebAssembly, in this process: the same SQL dialect as the server, with no
 * set-up. `dataDir` keeps it on disk; without one it lives in memory (tests).
 */
export async function openEmbeddedDatabase(dataDir?: string): Promise<DatabaseConnection> {
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const client = await PGlite.create(dataDir)
  const writes = new WriteHealth()
  observeWrites(client, writes)
  const db = drizzle({ client, schema }) as unknown as Database
  // PGlite is a single session: queueing work through it keeps statements of one session together.
  let queue: Promise<unknown> = Promise.resolve()
  return {
    db,
    kind: 'embedded',
    writes,
    withSession(work) {
      const run = queue.then(() => work({
        query: async (sql, params) => (await client.query(sql, params)).rows as never[],
      }))
      queue = run.catch(() => undefined)
      return run
    },
    async ping() {
      await client.query('SELECT 1')
    },
    close: () => client.close(),
  }
}
