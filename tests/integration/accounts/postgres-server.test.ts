import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, bearer, registerUser } from '../../support/api-client'
import { startApp, type RunningApp } from '../../support/app-server'
import { databaseDrivers, type TestDatabase } from '../../support/test-databases'

const postgres = (await databaseDrivers()).find(driver => driver.name === 'postgres')!
const METRICS_TOKEN = 'postgres-server-scrape-token'

/** The statements the instance's repositories have sent so far. */
async function statementsSent(app: RunningApp): Promise<number> {
  const text = await (await fetch(`${app.url}/metrics`, { headers: bearer(METRICS_TOKEN) })).text()
  return Number(/^database_statements_total (\S+)$/m.exec(text)?.[1])
}

describe.skipIf(postgres.skipReason)('the server on PostgreSQL (DATABASE_URL)', () => {
  let database: TestDatabase
  let apps: RunningApp[] = []
  beforeAll(async () => {
    database = await postgres.create()
    // Two instances starting together on an empty database: one migrates, the other waits for it.
    // One session password, as instances behind one address share: either opens the other's cookies.
    const env = { DATABASE_URL: database.url!, NUXT_SESSION_PASSWORD: 'a-session-password-both-instances-share-0123', METRICS_TOKEN }
    apps = await Promise.all([startApp(env), startApp(env)])
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

  it('a session signed out on one instance is refused by the other at once, though the other had remembered it', async () => {
    const [first, second] = apps as [RunningApp, RunningApp]
    const user = await registerUser(first.url)
    const elsewhere = user.client.movedTo(second.url)
    // Read there: the second instance has found the session live and remembers it (10 s). Asked
    // again, it sends one statement, the route's read of the user; the session is not read.
    expect((await elsewhere.get('/api/auth/me')).status).toBe(200)
    const before = await statementsSent(second)
    expect((await elsewhere.get('/api/auth/me')).status).toBe(200)
    expect(await statementsSent(second) - before).toBe(1)
    expect((await user.client.post('/api/auth/logout')).status).toBe(204)
    // Heard within milliseconds; well inside the 10 s it would otherwise be remembered for.
    const deadline = Date.now() + 3_000
    let status = (await elsewhere.get('/api/auth/me')).status
    while (status === 200 && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 25))
      status = (await elsewhere.get('/api/auth/me')).status
    }
    expect(status).toBe(401)
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
