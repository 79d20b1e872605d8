import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, registerUser, STRONG_PASSWORD } from '../../support/api-client'
import { startApp, type RunningApp } from '../../support/app-server'
import { expectProblem } from '../../support/campaigns'
import { repeatedChunks, sendInChunks } from '../../support/raw-http'

const ONE_MIB = 1024 * 1024

describe('request body limit', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp({ RATE_LIMIT_PER_MINUTE: '100000' })
  })
  afterAll(() => app?.stop())

  const jsonHeaders = () => ({ 'Content-Type': 'application/json', 'Origin': app.url })

  it('refuses a body whose Content-Length passes 1 MiB with 413 Problem Details', async () => {
    const client = new ApiClient(app.url)
    const response = await client.request('POST', '/api/auth/login', {
      body: JSON.stringify({ email: 'someone@example.com', password: 'x'.repeat(2 * ONE_MIB) }),
      headers: { 'Content-Type': 'application/json' },
    })
    expectProblem(response, 413)
    expect(response.body).toMatchObject({ type: '/problems/body-too-large', instance: '/api/auth/login' })
    expect(response.body.detail).toContain(String(ONE_MIB))
  })

  it('drains a body a little past the limit, so a sender still writing always reads the 413 and keeps its connection', async () => {
    const client = new ApiClient(app.url)
    const body = JSON.stringify({ email: 'someone@example.com', password: 'é'.repeat(ONE_MIB) })
    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await client.request('POST', '/api/auth/login', { body, headers: { 'Content-Type': 'application/json' } })
      expectProblem(response, 413)
      expect(response.headers.get('connection')).not.toBe('close')
    }
  })

  it('closes the connection after the 413 when the declared body is far too large to be worth draining', async () => {
    const answer = await sendInChunks(`${app.url}/api/auth/login`, { ...jsonHeaders(), 'Content-Length': String(64 * ONE_MIB) }, repeatedChunks(64 * 1024, 16))
    if (answer !== 'closed') {
      expect(answer.status).toBe(413)
      expect(answer.headers.connection).toBe('close')
    }
    expect((await fetch(`${app.url}/health`)).status).toBe(200)
  })

  it('stops reading a chunked body without a length once it passes the limit, and stays healthy', async () => {
    // 64 MiB offered; the server must answer (or hang up) long before taking it all.
    const answer = await sendInChunks(`${app.url}/api/auth/register`, jsonHeaders(), repeatedChunks(64 * 1024, 1024))
    if (answer !== 'closed') {
      expect(answer.status).toBe(413)
      expect(answer.headers['content-type']).toContain('application/problem+json')
      expect(JSON.parse(answer.body)).toMatchObject({ status: 413, type: '/problems/body-too-large' })
    }
    expect((await fetch(`${app.url}/health`)).status).toBe(200)
  })

  it('reads a chunked body within the limit as usual', async () => {
    const body = Buffer.from(JSON.stringify({ name: 'Chunked', email: 'chunked@example.com', password: STRONG_PASSWORD }))
    const answer = await sendInChunks(`${app.url}/api/auth/register`, jsonHeaders(), [body.subarray(0, 10), body.subarray(10)])
    expect(answer).not.toBe('closed')
    expect(answer).toMatchObject({ status: 201 })
  })

  it('serves ordinary requests after refusing large ones', async () => {
    const user = await registerUser(app.url)
    const signIn = await user.client.anonymous().post('/api/auth/login', { email: user.email, password: user.password })
    expect(signIn.status).toBe(200)
  })

  it('does not log the refused bodies', () => {
    expect(app.output()).not.toContain('x'.repeat(1000))
  })
})
