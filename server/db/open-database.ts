import { join } from 'node:path'
import type { DatabaseConnection } from './database'
import { openEmbeddedDatabase } from './embedded-database'
import { applyMigrations } from './migrate'
import { migrations } from './migrations'
import { openPostgresDatabase } from './postgres-database'

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent the embedded database is used. */
  databaseUrl?: string
  /** Directory of the embedded database; in memory when absent. */
  embeddedDir?: string
}

/** Opens the configured database and brings its schema up to date before anything uses it. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseConnection> {
  const connection = options.databaseUrl
    ? await openPostgresDatabase(options.databaseUrl)
    : await openEmbeddedDatabase(options.embeddedDir)
  try {
    await connection.withSession(session => applyMigrations(session, migrations))
  }
  catch (error) {
    await connection.close().catch(() => undefined)
    throw error
  }
  return connection
}

export function embeddedDatabaseDir(dataDir: string): string {
  return join(dataDir, 'db')
}
