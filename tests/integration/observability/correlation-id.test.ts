import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, STRONG_PASSWORD } from '../../support/api-client'
import { ABSENT_SERVICE_PORT, startApp, type RunningApp } from '../../support/app-server'

/** A server whose PostgreSQL does not answer: every API call that needs it fails with a 500. */
describe('a correlation id in a 500 answer', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp({ DATABASE_URL: `postgres://app@127.0.0.1:${ABSENT_SERVICE_PORT}/app` }, { waitFor: 'listening' })
  })
  afterAll(() => app?.stop())

  it('finds exactly one log entry, which holds the whole error and nothing the user sent', async () => {
    const password = `${STRONG_PASSWORD}-never-logged`
    const response = await new ApiClient(app.url).post('/api/auth/login?next=%2Fsecret-next', { email: 'someone@example.com', password })
    expect(response.status).toBe(500)
    const { correlationId } = response.body
    expect(response.body.detail).toContain(correlationId)

    const lines = (await app.outputContaining(correlationId)).split('\n').filter(line => line.includes(correlationId))
    expect(lines).toHaveLength(1)
    const entry = JSON.parse(lines[0]!)
    expect(entry).toMatchObject({ level: 'error', correlationId, method: 'POST', path: '/api/auth/login' })
    expect(entry.msg).toBe(`POST /api/auth/login failed (correlation id ${correlationId})`)
    expect(entry.error).toContain('ECONNREFUSED')
    expect(entry.error).toMatch(/\n\s+at /)
    expect(entry.requestId).toMatch(/^[0-9a-f-]{36}$/)
    // The request's own line names the same request, so the two are found together.
    expect(app.output()).toContain(`"requestId":"${entry.requestId}"`)

    const output = app.output()
    expect(output).not.toContain(password)
    expect(output).not.toContain('someone@example.com')
    expect(output).not.toContain('secret-next')
  })
})
