import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, bearer, registerUser, STRONG_PASSWORD, type RegisteredUser } from '../../support/api-client'
import type { RunningApp } from '../../support/app-server'
import { hubTokenFrom, openCampaignHub } from '../../support/campaign-hub'
import { createCampaign, runToEnd, startCampaignApp } from '../../support/campaigns'
import { createReviewLink, reviewHubToken } from '../../support/review-hub'
import { RawSocket } from '../../support/signalr/raw-socket'

/** The server's output as JSON log entries; any line that is not one fails the parse, and the test. */
function logEntries(app: RunningApp): Array<Record<string, unknown>> {
  return app.output().split('\n').filter(line => line.startsWith('{')).map(line => JSON.parse(line))
}

/**
 * A realistic journey at the most talkative level: every secret it handles is collected, and none
 * may appear anywhere in what the server printed.
 */
describe('the log during a whole journey', () => {
  let app: RunningApp
  let owner: RegisteredUser
  const secrets = new Map<string, string>()
  beforeAll(async () => {
    app = await startCampaignApp({ LOG_LEVEL: 'trace' })
    owner = await registerUser(app.url)
    secrets.set('password', owner.password)
  })
  afterAll(() => app?.stop())

  it('runs: sign in, personal access token, hub over query tokens, a campaign, a review link, failing requests', async () => {
    const browser = new ApiClient(app.url)
    expect((await browser.post('/api/auth/login', { email: owner.email, password: owner.password })).status).toBe(200)
    secrets.set('session cookie', browser.sessionCookie!.split('=').slice(1).join('='))

    const created = await browser.post('/api/tokens', { name: 'ci', password: owner.password })
    expect(created.status).toBe(201)
    const pat: string = created.body.token
    secrets.set('personal access token', pat)
    const script = new ApiClient(app.url)
    expect((await script.get('/api/campaigns', bearer(pat))).status).toBe(200)

    const hubToken = await hubTokenFrom(script, bearer(pat))
    secrets.set('hub token', hubToken)
    // Server-Sent Events carry the token as access_token in the query, as do browsers' WebSockets.
    const { connection } = await openCampaignHub(app.url, () => hubToken, { transport: 'ServerSentEvents' })
    const socket = await RawSocket.open(`${app.url}/hubs/campaign`, { token: hubToken, tokenIn: 'query' })
    socket.terminate()

    const id = await createCampaign(owner.client)
    await connection.invoke('JoinCampaignGroup', id)
    expect((await runToEnd(owner.client, id, '/generate')).status).toBe('Completed')
    await connection.stop()

    const link = await createReviewLink(owner.client, id)
    secrets.set('review link secret', link.token)
    const reviewer = new ApiClient(app.url)
    expect((await reviewer.get(`/api/review/${link.token}`)).status).toBe(200)
    secrets.set('reviewer hub token', await reviewHubToken(reviewer, link.token))
    expect((await fetch(`${app.url}/review/${link.token}`)).status).toBe(200)

    const wrongPassword = `wrong-${randomUUID()}`
    secrets.set('wrong password', wrongPassword)
    expect((await new ApiClient(app.url).post('/api/auth/login', { email: owner.email, password: wrongPassword })).status).toBe(401)
    const querySecret = `query-secret-${randomUUID()}`
    secrets.set('query string', querySecret)
    expect((await fetch(`${app.url}/api/campaigns?access_token=${querySecret}`)).status).toBe(401)
    expect((await fetch(`${app.url}/hubs/campaign/negotiate?negotiateVersion=1&access_token=${querySecret}`, { method: 'POST' })).status).toBe(401)
  })

  it('never printed a secret, a hash or a query string', () => {
    const output = app.output()
    expect(secrets.size).toBe(8)
    for (const [what, secret] of secrets) expect(output, what).not.toContain(secret)
    expect(output).not.toContain(STRONG_PASSWORD)
    expect(output).not.toContain('scrypt$')
    expect(output).not.toMatch(/[0-9a-f]{64}/)
    expect(output).not.toMatch(/access_token|negotiateVersion=/)
  })

  it('logged one JSON line per request: route pattern, status, duration, request id and who asked', () => {
    const requests = logEntries(app).filter(entry => entry.msg === 'request')
    const read = requests.find(entry => entry.route === '/api/campaigns/:id' && entry.method === 'GET')
    expect(read).toMatchObject({ level: 'info', status: 200, userId: owner.id })
    expect(read!.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(read!.durationMs).toBeGreaterThanOrEqual(0)
    expect(requests).toContainEqual(expect.objectContaining({ path: '/review/{token}', status: 200 }))
    expect(requests).toContainEqual(expect.objectContaining({ route: '/api/auth/login', status: 401 }))
    expect(new Set(requests.map(entry => entry.requestId)).size).toBe(requests.length)
  })

  it('logged the run\'s start and end with its campaign id', () => {
    const runs = logEntries(app).filter(entry => typeof entry.campaignId === 'string')
    expect(runs.map(entry => entry.msg)).toEqual(['Campaign run started', 'Campaign run ended'])
    expect(runs[1]).toMatchObject({ outcome: 'completed' })
  })
})
