import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Database } from '../../../server/db/database'
import { PostgresProbe, PROBE_APPLICATION_NAME } from '../../../server/db/postgres-probe'
import { RECENT_ANSWER_MS } from '../../../server/db/recent-answer'
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

  // First, while the connection has opened no probe of its own.
  it.skipIf(postgres.skipReason)('takes a pooled statement answered just before as the database\'s answer, opening no connection', async () => {
    await suite.connection.db.execute(sql`SELECT 1`)
    await suite.connection.ping()
    expect(await probeBackends(suite.connection.db)).toEqual([])
  })

  it.skipIf(postgres.skipReason)('asks on a connection of its own once no statement has answered for a while', async () => {
    await new Promise(resolve => setTimeout(resolve, RECENT_ANSWER_MS + 100))
    await suite.connection.ping()
    expect(await probeBackends(suite.connection.db)).toHaveLength(1)
  })

  it.skipIf(postgres.skipReason)('answers while every pooled connection is busy, on a connection of its own', async () => {
    const probe = new PostgresProbe(suite.url!)
    try {
      let finished = 0
      // More than the pool holds: the last ones wait in its queue, where a pooled probe would wait too.
      const busy = Array.from({ length: 12 }, () => suite.connection.db.execute(sql`SELECT pg_sleep(2)`).then(() => {
        finished++
      }))
      await new Promise(resolve => setTimeout(resolve, 200))
      await probe.ping()
      expect(finished).toBe(0)
      await Promise.all(busy)
    }
    finally {
      await probe.close()
    }
  })

  it.skipIf(postgres.skipReason)('opens a new connection after its own was dropped', async () => {
    const probe = new PostgresProbe(suite.url!)
    try {
      const before = await probeBackends(suite.connection.db)
      await probe.ping()
      const [dropped] = (await probeBackends(suite.connection.db)).filter(pid => !before.includes(pid))
      await suite.connection.db.execute(sql`SELECT pg_terminate_backend(${dropped!})`)
      // The ping that meets the dropped connection may fail (a probe then says unhealthy once); the next opens another.
      await probe.ping().catch(() => undefined)
      await probe.ping()
      const opened = (await probeBackends(suite.connection.db)).filter(pid => !before.includes(pid))
      expect(opened).toHaveLength(1)
      expect(opened[0]).not.toBe(dropped)
    }
    finally {
      await probe.close()
    }
  })

  it('refuses to ping once closed', async () => {
    const probe = new PostgresProbe('postgres://127.0.0.1:1/none')
    await probe.close()
    await expect(probe.ping()).rejects.toThrow('closed')
  })
})
