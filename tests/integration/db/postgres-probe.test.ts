import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Database } from '../../../server/db/database'
import { PostgresProbe, PROBE_APPLICATION_NAME } from '../../../server/db/postgres-probe'
import { useTestDatabase } from '../../support/database-suite'
import { databaseDrivers } from '../../support/test-databases'

const postgres = (await databaseDrivers()).find(driver => driver.name === 'postgres')!

/** The probe's backends on this test's database, as PostgreSQL lists them. */
async function probeBackends(db: Database): Promise<number[]> {
  // On PostgreSQL, execute answers node-postgres's result.
  const { rows } = await db.execute(sql`SELECT pid FROM pg_stat_activity WHERE application_name = ${PROBE_APPLICATION_NAME} AND datname = current_database()`) as unknown as { rows: Array<{ pid: number }> }
  return rows.map(row => Number(row.pid))
}

describe('the PostgreSQL health probe', () => {
  const suite = useTestDatabase(postgres)

  it.skipIf(postgres.skipReason)('answers while every pooled connection is busy, on a connection of its own', async () => {
    let finished = 0
    // More than the pool holds: the last ones wait in its queue, where a pooled probe would wait too.
    const busy = Array.from({ length: 12 }, () => suite.connection.db.execute(sql`SELECT pg_sleep(2)`).then(() => {
      finished++
    }))
    await new Promise(resolve => setTimeout(resolve, 200))
    await suite.connection.ping()
    expect(finished).toBe(0)
    expect(await probeBackends(suite.connection.db)).toHaveLength(1)
    await Promise.all(busy)
  })

  it.skipIf(postgres.skipReason)('opens a new connection after its own was dropped', async () => {
    await suite.connection.ping()
    const [dropped] = await probeBackends(suite.connection.db)
    await suite.connection.db.execute(sql`SELECT pg_terminate_backend(${dropped!})`)
    // The ping that meets the dropped connection may fail (a probe then says unhealthy once); the next opens another.
    await suite.connection.ping().catch(() => undefined)
    await suite.connection.ping()
    const backends = await probeBackends(suite.connection.db)
    expect(backends).toHaveLength(1)
    expect(backends[0]).not.toBe(dropped)
  })

  it('refuses to ping once closed', async () => {
    const probe = new PostgresProbe('postgres://127.0.0.1:1/none')
    await probe.close()
    await expect(probe.ping()).rejects.toThrow('closed')
  })
})
