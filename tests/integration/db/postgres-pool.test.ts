import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { postgresPool } from '../../../server/db/postgres-pool'
import { registerUser } from '../../support/api-client'
import { startApp, type RunningApp } from '../../support/app-server'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import { databaseDrivers, type TestDatabase } from '../../support/test-databases'

const postgres = (await databaseDrivers()).find(driver => driver.name === 'postgres')!

/** The database's connections by `application_name`, as PostgreSQL lists them. */
async function connectionsByName(databaseUrl: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ name: string, count: number }>(
      'SELECT application_name AS name, count(*)::int AS count FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY 1',
    )
    return Object.fromEntries(rows.map(row => [row.name, row.count]))
  }
  finally {
    await client.end()
  }
}

const until = async (check: () => Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Not so within ${timeoutMs} ms`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

describe.skipIf(postgres.skipReason)('PostgreSQL connections kept through quiet moments', () => {
  let database: TestDatabase

  beforeAll(async () => {
    database = await postgres.create()
  })
  afterAll(async () => {
    await database?.dispose()
  })

  it('a pool closes idle connections down to the ones it keeps, and no further', async () => {
    const kept = postgresPool(database.url!, { name: `kept-${randomUUID()}`, max: 5, kept: 2, idleTimeoutMillis: 100 })
    const unkept = postgresPool(database.url!, { name: `unkept-${randomUUID()}`, max: 5, kept: 0, idleTimeoutMillis: 100 })
    try {
      // Five connections each, held at once, then all handed back idle.
      const held = await Promise.all([kept, unkept].flatMap(pool => Array.from({ length: 5 }, () => pool.connect())))
      const name = (pool: pg.Pool) => (pool as unknown as { options: { application_name: string } }).options.application_name
      expect(await connectionsByName(database.url!)).toMatchObject({ [name(kept)]: 5, [name(unkept)]: 5 })
      for (const client of held) client.release()

      await until(async () => unkept.totalCount === 0, 5_000)
      await new Promise(resolve => setTimeout(resolve, 300))
      const open = await connectionsByName(database.url!)
      expect(open[name(kept)]).toBe(2)
      expect(open[name(unkept)]).toBeUndefined()
      expect(kept.totalCount).toBe(2)
    }
    finally {
      await Promise.all([kept.end(), unkept.end()])
    }
  })

  describe('the server', () => {
    let app: RunningApp

    beforeAll(async () => {
      app = await startApp({ DATABASE_URL: database.url!, OFFLINE_WRITER_PACE_MS: '0' })
    }, 60_000)
    afterAll(async () => {
      await app?.stop()
    })

    it('still holds connections for its repositories and owners\' locks after more than pg\'s 10 s of quiet', async () => {
      const user = await registerUser(app.url)
      const ids = await Promise.all(Array.from({ length: 3 }, async (_, n) => (await user.client.post('/api/campaigns', { ...SAMPLE_BRIEF, theme: `Quiet ${n}` })).body.id as string))
      await Promise.all(ids.map(id => user.client.post(`/api/campaigns/${id}/generate`)))
      const statuses = async () => Promise.all(ids.map(async id => (await user.client.get(`/api/campaigns/${id}`)).body.status as string))
      await until(async () => (await statuses()).every(status => status === 'Completed'), 20_000).catch(async (error: Error) => {
        throw new Error(`${error.message}: ${(await statuses()).join(', ')}`)
      })

      await new Promise(resolve => setTimeout(resolve, 11_500))
      const open = await connectionsByName(database.url!)
      expect(open.repositories).toBeGreaterThanOrEqual(1)
      expect(open['run-owner-locks']).toBe(1)
    }, 45_000)
  })
})
