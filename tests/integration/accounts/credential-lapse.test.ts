import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, registerUser, type RegisteredUser } from '../../support/api-client'
import { startApp, type RunningApp } from '../../support/app-server'
import { connectCampaignHub, hubTokenFrom, openCampaignHub } from '../../support/campaign-hub'
import { databaseDrivers, type TestDatabase } from '../../support/test-databases'

const postgres = (await databaseDrivers()).find(driver => driver.name === 'postgres')!

/**
 * Credentials that end without a request to this server: a token reaching its expiry, a session
 * revoked by another instance on the same database (written here straight to the database).
 */
describe.skipIf(postgres.skipReason)('hub connections whose credential lapses meanwhile', () => {
  let database: TestDatabase
  let sql: pg.Client
  let app: RunningApp
  let user: RegisteredUser

  beforeAll(async () => {
    database = await postgres.create()
    app = await startApp({ DATABASE_URL: database.url!, RATE_LIMIT_PER_MINUTE: '100000', HUB_CREDENTIAL_CHECK_SECONDS: '1' })
    sql = new pg.Client({ connectionString: database.url })
    await sql.connect()
    user = await registerUser(app.url)
  })
  afterAll(async () => {
    await sql?.end()
    await app?.stop()
    await database?.dispose()
  })

  it('close at the server\'s periodic check: an expired personal access token, a session revoked elsewhere', async () => {
    const { id, token } = (await user.client.post('/api/tokens', { name: 'expiring', password: user.password })).body
    const direct = await openCampaignHub(app.url, () => token)
    const throughHubToken = await openCampaignHub(app.url, () => hubTokenFrom(user.client.anonymous(), bearer(token)))
    const browser = await connectCampaignHub(app.url, user.client)

    await sql.query(`UPDATE personal_access_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [id])
    await sql.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1`, [user.id])

    for (const connection of [direct, throughHubToken, browser]) expect(String(await connection.closed)).toContain('no longer valid')
  }, 60_000)
})
