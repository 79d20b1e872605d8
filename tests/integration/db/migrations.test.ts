import { pushSchema } from 'drizzle-kit/api'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '../../../server/db/migrate'
import { migrations } from '../../../server/db/migrations'
import { openPostgresDatabase } from '../../../server/db/postgres-database'
import { schema } from '../../../server/db/schema'
import { useTestDatabase } from '../../support/database-suite'
import { databaseDrivers } from '../../support/test-databases'

const drivers = await databaseDrivers()

describe.each(drivers)('migrations on the $name database', (driver) => {
  const suite = useTestDatabase(driver)

  it.skipIf(driver.skipReason)('create exactly the tables the Drizzle schema describes', async () => {
    // drizzle-kit compares the live database with the schema; nothing to do means no drift. The
    // migrator's own bookkeeping table is not part of the schema, so it is the one difference allowed.
    const { statementsToExecute } = await pushSchema(schema, suite.connection.db as never)
    expect(statementsToExecute.filter(statement => !statement.includes('"schema_migrations"'))).toEqual([])
  })

  it.skipIf(driver.skipReason)('apply each migration once, however often the server starts', async () => {
    const again = await suite.connection.withSession(session => applyMigrations(session, migrations))
    expect(again).toEqual([])
    const rows = await suite.connection.withSession(session => session.query<{ id: string }>('SELECT "id" FROM "schema_migrations" ORDER BY "id"'))
    expect(rows.map(row => row.id)).toEqual(migrations.map(m => m.id))
  })
})

const postgres = drivers.find(d => d.name === 'postgres')!
describe.skipIf(postgres.skipReason)('migrations when several instances start together on PostgreSQL', () => {
  it('migrate once, and every instance starts', async () => {
    const database = await postgres.create()
    const instances = await Promise.all(Array.from({ length: 4 }, () => openPostgresDatabase(database.url!)))
    try {
      const applied = await Promise.all(instances.map(instance => instance.withSession(session => applyMigrations(session, migrations))))
      // One instance applied everything; the others waited on the lock and found nothing to do.
      expect(applied.flat().sort()).toEqual(migrations.map(m => m.id).sort())
      expect(applied.filter(list => list.length > 0)).toHaveLength(1)
    }
    finally {
      await Promise.all(instances.map(instance => instance.close()))
      await database.dispose()
    }
  })
})
