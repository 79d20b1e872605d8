import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, registerUser, STRONG_PASSWORD, type RegisteredUser } from '../../support/api-client'
import { startApp, type RunningApp } from '../../support/app-server'
import { expectProblem } from '../../support/campaigns'
import { refuseInserts } from '../../support/refuse-inserts'
import { databaseDrivers, type TestDatabase } from '../../support/test-databases'

const postgres = (await databaseDrivers()).find(driver => driver.name === 'postgres')!

describe.skipIf(postgres.skipReason)('database failures (PostgreSQL)', () => {
  let database: TestDatabase
  let app: RunningApp
  let user: RegisteredUser
  beforeAll(async () => {
    database = await postgres.create()
    app = await startApp({ DATABASE_URL: database.url! })
    user = await registerUser(app.url)
  }, 60_000)
  afterAll(async () => {
    await app?.stop()
    await database?.dispose()
  })

  it('an unexpected one answers 500 with a correlation id; the log has its code, never the parameters', async () => {
    const allow = await refuseInserts(database.url!, 'users', 'XX000', 'something broke')
    const password = `${STRONG_PASSWORD}-kept-secret`
    const email = 'never-logged@example.com'
    const response = await new ApiClient(app.url).post('/api/auth/register', { name: 'Someone', email, password })
    await allow()

    expectProblem(response, 500)
    const { correlationId } = response.body
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/)
    expect(response.body.detail).toContain(correlationId)
    expect(JSON.stringify(response.body)).not.toMatch(/insert|users|XX000|something broke/i)

    const logLine = (await app.outputContaining(correlationId)).split('\n').find(line => line.includes(correlationId))
    expect(logLine).toContain('POST /api/auth/register failed')
    expect(logLine).toContain('[XX000]: something broke')
    const log = app.output()
    expect(log).not.toContain('scrypt$')
    expect(log).not.toContain(password)
    expect(log).not.toContain(email)
    expect(log).not.toContain('params')
  })

  it('keeps serving once the database recovers', async () => {
    const response = await user.client.post('/api/tokens', { name: 'after the failure', password: user.password })
    expect(response.status).toBe(201)
  })

  it('a full disk answers 503 with Retry-After, and /health reports the database until a write succeeds', async () => {
    const health = async () => {
      const response = await fetch(`${app.url}/health`)
      return { status: response.status, database: (await response.json()).checks.database }
    }
    const allow = await refuseInserts(database.url!, 'personal_access_tokens', '53100', 'could not extend file: No space left on device')
    const refused = await user.client.post('/api/tokens', { name: 'while the disk is full', password: user.password })
    expectProblem(refused, 503)
    expect(refused.headers.get('retry-after')).toBe('30')
    expect(refused.body.detail).toMatch(/cannot save right now: retry/)
    expect(JSON.stringify(refused.body)).not.toMatch(/space|extend|insert/i)
    expect(await health()).toEqual({ status: 503, database: 'Unhealthy' })
    // Reads still work meanwhile (that a read is no proof of recovery is a unit test of the tracker:
    // here the session's occasional last-seen write could rightly count as one).
    expect((await user.client.get('/api/tokens')).status).toBe(200)

    await allow()
    expect((await user.client.post('/api/tokens', { name: 'space again', password: user.password })).status).toBe(201)
    expect(await health()).toEqual({ status: 200, database: 'Healthy' })
    await app.outputContaining('[53100]: could not extend file: No space left on device')
    // The refused insert carried the new token's hash.
    expect(app.output()).not.toMatch(/[0-9a-f]{64}/)
  })
})
