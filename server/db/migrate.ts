import type { Migration } from './migrations/migration'
import type { SqlSession } from './sql-session'

/**
 * A fixed key for pg_advisory_lock: every instance migrating the same database takes it first, so
 * when several start together one migrates and the others wait, then find nothing left to do.
 */
const MIGRATION_LOCK_KEY = 4_172_903_611

export async function applyMigrations(session: SqlSession, migrations: readonly Migration[]): Promise<string[]> {
  await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
  try {
    await session.query(`CREATE TABLE IF NOT EXISTS "schema_migrations" (
      "id" text PRIMARY KEY NOT NULL,
      "applied_at" timestamp with time zone DEFAULT now() NOT NULL
    )`)
    const rows = await session.query<{ id: string }>('SELECT "id" FROM "schema_migrations"')
    const done = new Set(rows.map(row => row.id))
    const applied: string[] = []
    for (const migration of migrations) {
      if (done.has(migration.id)) continue
      await session.query('BEGIN')
      try {
        for (const statement of migration.statements) await session.query(statement)
        await session.query('INSERT INTO "schema_migrations" ("id") VALUES ($1)', [migration.id])
        await session.query('COMMIT')
      }
      catch (error) {
        await session.query('ROLLBACK')
        throw new Error(`Migration ${migration.id} failed: ${(error as Error).message}`, { cause: error })
      }
      applied.push(migration.id)
    }
    return applied
  }
  finally {
    await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
  }
}
