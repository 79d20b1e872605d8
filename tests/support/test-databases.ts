import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { DatabaseConnection } from '../../server/db/database'
import { openDatabase } from '../../server/db/open-database'

/** The server the PostgreSQL suites use; each run creates its own database on it and drops it after. */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/**
 * How long opening a test database may take: a fresh embedded one runs PostgreSQL's initdb in
 * WebAssembly, which takes well over a minute on a shared two-core machine under load (in a worker
 * thread or in process alike), beyond Vitest's hook limit.
 */
export const DATABASE_OPEN_TIMEOUT_MS = 180_000

export interface TestDatabase {
  /** Opens a connection (migrations included), as the server does at start-up. */
  connect(): Promise<DatabaseConnection>
  /** Removes the database (PostgreSQL) once every connection is closed. */
  dispose(): Promise<void>
  /** Set for PostgreSQL: the fresh database's URL. */
  url?: string
}

export interface DatabaseDriver {
  name: 'embedded' | 'postgres'
  /** Why this driver's suite is skipped here, or undefined when it runs. */
  skipReason?: string
  create(): Promise<TestDatabase>
}

/** Why no PostgreSQL server answers at TEST_POSTGRES_URL, or undefined when one does. */
export async function whyPostgresDoesNotAnswer(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return undefined
  }
  catch (error) {
    return (error as Error).message
  }
  finally {
    await client.end().catch(() => undefined)
  }
}

/** A database no other run can see: `test_<random>` on the PostgreSQL server. */
export async function createPostgresTestDatabase(): Promise<TestDatabase & { url: string }> {
  const name = `test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  const url = new URL(POSTGRES_ADMIN_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    connect: () => openDatabase({ databaseUrl: url.toString() }),
    async dispose() {
      const cleaner = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
      await cleaner.connect()
      await cleaner.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await cleaner.end()
    },
  }
}

/**
 * The drivers every repository suite runs against. The embedded database always; PostgreSQL when a
 * server answers, and always with CI=true (where a missing server must fail the run, not skip it).
 */
export async function databaseDrivers(): Promise<DatabaseDriver[]> {
  const unreachable = process.env.CI === 'true' ? undefined : await whyPostgresDoesNotAnswer()
  if (unreachable) {
    console.warn(`\n⚠ PostgreSQL suites SKIPPED: no server answers at ${redact(POSTGRES_ADMIN_URL)} (${unreachable}). Set TEST_POSTGRES_URL, or CI=true to require it.\n`)
  }
  return [
    {
      name: 'embedded',
      // In memory: the same engine as the file-backed default, without touching the disk.
      create: async () => ({ connect: () => openDatabase({}), dispose: async () => undefined }),
    },
    {
      name: 'postgres',
      skipReason: unreachable,
      create: createPostgresTestDatabase,
    },
  ]
}

function redact(url: string): string {
  const parsed = new URL(url)
  if (parsed.password) parsed.password = '***'
  return parsed.toString()
}
