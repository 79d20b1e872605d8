import { afterAll, beforeAll } from 'vitest'
import type { DatabaseConnection } from '../../server/db/database'
import { DATABASE_OPEN_TIMEOUT_MS, type DatabaseDriver, type TestDatabase } from './test-databases'

/** What the tests of one driver's suite share; filled in by the time the suite's own `beforeAll` hooks run. */
export interface DatabaseSuite {
  /** Opened as the server opens it, migrations included. */
  connection: DatabaseConnection
  /** PostgreSQL: the database's URL, for connections of a test's own. */
  url?: string
}

/**
 * Creates a database on `driver` and connects to it before the suite's tests, and closes and removes
 * it after them; `build` adds what the tests use on the connection (repositories). Does nothing on a
 * driver that is skipped here. Call it at the top of a `describe`.
 */
export function useTestDatabase<Built extends object = object>(
  driver: DatabaseDriver,
  build?: (connection: DatabaseConnection) => Built,
): DatabaseSuite & Built {
  const suite = {} as DatabaseSuite & Built
  let database: TestDatabase | undefined
  beforeAll(async () => {
    if (driver.skipReason) return
    database = await driver.create()
    suite.url = database.url
    suite.connection = await database.connect()
    Object.assign(suite, build?.(suite.connection))
  }, DATABASE_OPEN_TIMEOUT_MS)
  afterAll(async () => {
    await suite.connection?.close()
    await database?.dispose()
  })
  return suite
}
