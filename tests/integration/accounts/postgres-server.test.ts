import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, bearer, registerUser } from '../../support/api-client'
import { startApp, type RunningApp } from '../../support/app-server'
import { databaseDrivers, type TestDatabase } from '../../support/test-databases'

const postgres = (await databaseDrivers()).find(driver => driver.name === 'postgres')!

describe.skipIf(postgres.skipReason)('the server on PostgreSQL (DATABASE_URL)', () => {
  let database: TestDatabase
  let apps: RunningApp[] = []
  beforeAll(async () => {
    database = await postgres.create()
    // Two instances starting together on an empty database: one migrates, the other waits for it.
    apps = await Promise.all([startApp({ DATABASE_URL: database.url! }), startApp({ DATABASE_URL: database.url! })])
  }, 90_000)
  afterAll(async () => {
    await Promise.all(apps.map(app => app.stop()))
    await database?.dispose()
  })

  it('both instances start healthy, with the database check reported', async () => {
    for (const app of apps) {
      const response = await fetch(`${app.url}/health`)
      expect(response.status).toBe(200)
      expect((await response.json()).checks.database).toBe('Healthy')
      expect(app.output()).toContain('Database ready (PostgreSQL)')
    }
  })

  it('shares accounts and tokens between instances', async () => {
    const [first, second] = apps as [RunningApp, RunningApp]
    const user = await registerUser(first.url)
    const { token } = (await user.client.post('/api/tokens', { name: 'shared', password: user.password })).body
    expect((await new ApiClient(second.url).post('/api/auth/login', { email: user.email, password: user.password })).status).toBe(200)
    expect((await new ApiClient(second.url).get('/api/auth/me', bearer(token))).body.user.id).toBe(user.id)
  })
})

describe('the server when its database does not answer', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/unreachable' }, { waitFor: 'listening' })
  })
  afterAll(() => app?.stop())

  it('reports the database Unhealthy on /health with 503', async () => {
    const response = await fetch(`${app.url}/health`)
    expect(response.status).toBe(503)
    expect(await response.json()).toMatchObject({ status: 'Unhealthy', checks: { server: 'Healthy', database: 'Unhealthy' } })
  })

  it('answers API calls with Problem Details that reveal nothing of the failure', async () => {
    const response = await new ApiClient(app.url).post('/api/auth/login', { email: 'a@example.com', password: 'whatever-password' })
    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(response.body.detail).toBe(`An unexpected error occurred. It has been logged. Reference: ${response.body.correlationId}.`)
    await app.outputContaining(`failed (correlation id ${response.body.correlationId})`)
    expect(JSON.stringify(response.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|\bat /)
  })
})
