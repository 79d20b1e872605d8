import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, STRONG_PASSWORD } from '../../support/api-client'
import type { RunningApp } from '../../support/app-server'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import { isSettled, startCampaignApp } from '../../support/campaigns'
import { ContractClient, OpenApiContract } from '../../support/openapi-contract'
import { routeFiles } from '../../support/route-files'

// The catch-all answers a Problem Details 404 for paths no route claims; the session echo is the
// pages' own (nuxt-auth-utils' shape), not part of the API; /metrics speaks Prometheus' text
// format (docs/OPERATIONS.md); the hub's routes speak SignalR, described in docs/SIGNALR.md.
const UNDOCUMENTED_FILES = ['server/api/[...].ts', 'server/api/_auth/session.get.ts', 'server/routes/metrics.get.ts']
const isHubRoute = (path: string) => path.startsWith('/hubs/')

let app: RunningApp
let contract: OpenApiContract

beforeAll(async () => {
  app = await startCampaignApp()
  const response = await fetch(`${app.url}/api/openapi.json`)
  contract = new OpenApiContract(await response.json())
})
afterAll(() => app?.stop())

describe('the OpenAPI document', () => {
  it('documents every route file, and nothing that is not one', () => {
    const files = [...routeFiles('api'), ...routeFiles('routes')]
      .filter(route => !UNDOCUMENTED_FILES.includes(route.file) && !isHubRoute(route.path))
      .map(route => `${route.method} ${route.path}`)
    expect(contract.operations().sort()).toEqual(files.sort())
  })

  it('is OpenAPI 3.1 with the security schemes, tags and Problem Details schema', () => {
    const { document } = contract
    expect(document.openapi).toBe('3.1.0')
    expect(document.components.securitySchemes.sessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'nuxt-session' })
    expect(document.components.securitySchemes.personalAccessToken).toMatchObject({ type: 'http', scheme: 'bearer' })
    expect(document.paths['/api/campaigns'].post.responses['400'].content['application/problem+json']).toBeDefined()
    expect(document.paths['/api/campaigns'].post.requestBody.content['application/json'].schema.required)
      .toEqual(['theme', 'product', 'targetAudience', 'tone'])
  })

  it('refuses an answer that does not match it', () => {
    const response = { status: 200, headers: new Headers({ 'content-type': 'application/json' }), body: { status: 'Fine' } }
    expect(() => contract.check('GET', '/health', response)).toThrow(/does not match/)
    expect(() => contract.check('GET', '/health', { ...response, status: 418 })).toThrow(/status not documented/)
    expect(() => contract.check('PUT', '/health', response)).toThrow(/method not documented/)
  })

  it('is served without signing in, rate-limited like the rest of /api', async () => {
    const response = await fetch(`${app.url}/api/openapi.json`)
    expect(response.status).toBe(200)
    expect(response.headers.get('x-ratelimit-limit')).toMatch(/^\d+$/)
  })
})

describe('real answers match the document', () => {
  it('answers every documented operation as documented', async () => {
    const owner = new ContractClient(app.url, contract)
    const email = `contract-${randomUUID()}@example.com`
    const anonymous = owner.anonymous()

    // Accounts and tokens.
    expect((await owner.post('/api/auth/register', { name: 'Contract', email, password: STRONG_PASSWORD })).status).toBe(201)
    expect((await anonymous.post('/api/auth/register', { name: 'Again', email, password: STRONG_PASSWORD })).status).toBe(409)
    expect((await anonymous.post('/api/auth/register', { email: 'nope' })).status).toBe(400)
    expect((await anonymous.post('/api/auth/login', { email, password: 'wrong-password-1234' })).status).toBe(401)
    expect((await owner.post('/api/auth/login', { email, password: STRONG_PASSWORD })).status).toBe(200)
    expect((await owner.get('/api/auth/me')).status).toBe(200)
    expect((await anonymous.get('/api/auth/me')).status).toBe(401)
    const token = await owner.post('/api/tokens', { name: 'ci', password: STRONG_PASSWORD })
    expect(token.status).toBe(201)
    expect((await owner.get('/api/tokens')).status).toBe(200)
    const withToken = new ContractClient(app.url, contract, bearer(token.body.token))
    expect((await withToken.get('/api/auth/me')).status).toBe(200)
    expect((await owner.post('/api/hub/token')).status).toBe(200)

    // A brief read into checks, then a campaign's life.
    expect((await owner.post('/api/briefs/analyze', SAMPLE_BRIEF)).status).toBe(200)
    expect((await owner.post('/api/briefs/analyze', { theme: '' })).status).toBe(400)
    expect((await owner.post('/api/campaigns', { theme: '' })).status).toBe(400)
    const created = await owner.post('/api/campaigns', SAMPLE_BRIEF)
    expect(created.status).toBe(201)
    const id = created.body.id
    expect((await owner.get('/api/campaigns?page=1&pageSize=5')).status).toBe(200)
    expect((await owner.get('/api/campaigns?pageSize=1000')).status).toBe(400)
    expect((await owner.get(`/api/campaigns/${randomUUID()}`)).status).toBe(404)
    expect((await owner.get(`/api/campaigns/${id}/compliance`)).status).toBe(404)
    expect((await owner.post(`/api/campaigns/${id}/generate`)).status).toBe(202)
    await settled(owner, id)
    expect((await owner.post(`/api/campaigns/${id}/generate`)).status).toBe(409)
    const artifacts = await owner.get(`/api/campaigns/${id}/artifacts`)
    expect(artifacts.status).toBe(200)
    expect((await owner.get(`/api/campaigns/${id}/artifacts?type=Poster`)).status).toBe(400)
    expect((await owner.get(`/api/campaigns/${id}/artifacts/${artifacts.body.artifacts[0].id}/versions`)).status).toBe(200)
    expect((await owner.get(`/api/campaigns/${id}/compliance`)).status).toBe(200)
    expect((await owner.post(`/api/campaigns/${id}/artifacts/Copy/approve`)).status).toBe(200)
    expect((await owner.post(`/api/campaigns/${id}/artifacts/Poster/approve`)).status).toBe(400)
    // A person's versions: an edit of the approved copy, then a restore of what was approved.
    const copy = artifacts.body.artifacts.find((artifact: { type: string }) => artifact.type === 'Copy')
    const edit = { type: 'Copy', basedOn: 1, headlines: ['Edited by hand', ...copy.metadata.headlines.slice(1)], body: copy.metadata.body, callsToAction: copy.metadata.callsToAction }
    expect((await owner.post(`/api/campaigns/${id}/artifacts/Copy/versions`, edit)).status).toBe(201)
    expect((await owner.post(`/api/campaigns/${id}/artifacts/Copy/versions`, edit)).status).toBe(409)
    expect((await owner.post(`/api/campaigns/${id}/artifacts/Copy/versions`, { ...edit, headlines: [] })).status).toBe(400)
    expect((await owner.post(`/api/campaigns/${id}/artifacts/${copy.id}/versions/1/restore`)).status).toBe(201)
    expect((await owner.post(`/api/campaigns/${id}/artifacts/Copy/versions/9/restore`)).status).toBe(404)
    expect((await owner.post(`/api/campaigns/${id}/artifacts/ShortCopy/regenerate`, { feedback: 'Shorter' })).status).toBe(202)
    await settled(owner, id)
    expect((await owner.post(`/api/campaigns/${id}/revise`, { feedback: '' })).status).toBe(400)
    expect((await owner.post(`/api/campaigns/${id}/revise`, { feedback: 'Warmer tone', specificChanges: ['Mention returns'] })).status).toBe(202)
    // Cancelling races the run's end: both answers are documented.
    expect([202, 409]).toContain((await owner.post(`/api/campaigns/${id}/cancel`)).status)
    await settled(owner, id)

    // Brand kits, and the brief edited once no run is active.
    const kit = await owner.post('/api/brand-kits', { name: 'Contract kit', palette: ['#112233'] })
    expect(kit.status).toBe(201)
    expect((await owner.post('/api/brand-kits', { name: '' })).status).toBe(400)
    expect((await owner.get('/api/brand-kits')).status).toBe(200)
    expect((await owner.get(`/api/brand-kits/${kit.body.id}`)).status).toBe(200)
    expect((await owner.get(`/api/brand-kits/${randomUUID()}`)).status).toBe(404)
    expect((await owner.put(`/api/brand-kits/${kit.body.id}`, { name: 'Renamed kit' })).status).toBe(200)
    expect((await owner.put(`/api/brand-kits/${randomUUID()}`, { name: 'Nobody' })).status).toBe(404)
    expect((await owner.put(`/api/campaigns/${id}/brief`, { ...SAMPLE_BRIEF, brand: { name: 'Renamed kit', kitId: kit.body.id } })).status).toBe(200)
    expect((await owner.put(`/api/campaigns/${id}/brief`, { theme: '' })).status).toBe(400)
    expect((await owner.delete(`/api/brand-kits/${kit.body.id}`)).status).toBe(204)
    expect((await owner.delete(`/api/brand-kits/${kit.body.id}`)).status).toBe(404)

    // Review links, from both sides.
    const link = await owner.post(`/api/campaigns/${id}/review-links`, { expiresInHours: 24, allowFeedback: true })
    expect(link.status).toBe(201)
    expect((await owner.get(`/api/campaigns/${id}/review-links`)).status).toBe(200)
    expect((await anonymous.get(`/api/review/${link.body.token}`)).status).toBe(200)
    expect((await anonymous.post(`/api/review/${link.body.token}/hub-token`)).status).toBe(200)
    expect((await anonymous.post(`/api/review/${link.body.token}/feedback`, { reviewerName: 'Rae', decision: 'maybe' })).status).toBe(400)
    expect((await anonymous.post(`/api/review/${link.body.token}/feedback`, { reviewerName: 'Rae', decision: 'approve' })).status).toBe(201)
    expect((await owner.get(`/api/campaigns/${id}/review-feedback?limit=10`)).status).toBe(200)
    expect((await anonymous.post(`/api/review/${link.body.token}/decisions`, { reviewerName: 'Rae', decision: 'request-changes', artifactType: 'Copy', version: 1 })).status).toBe(400)
    const decision = await anonymous.post(`/api/review/${link.body.token}/decisions`, { reviewerName: 'Rae', decision: 'request-changes', comment: 'Warmer', artifactType: 'Copy', version: 1 })
    expect(decision.status).toBe(201)
    expect((await owner.get(`/api/campaigns/${id}/review-decisions`)).status).toBe(200)
    expect((await owner.post(`/api/campaigns/${id}/review-decisions/${decision.body.id}/resolve`)).status).toBe(200)
    expect((await owner.post(`/api/campaigns/${id}/review-decisions/${randomUUID()}/resolve`)).status).toBe(404)
    expect((await owner.delete(`/api/campaigns/${id}/review-links/${link.body.id}`)).status).toBe(204)
    expect((await anonymous.get(`/api/review/${link.body.token}`)).status).toBe(404)

    // Endings.
    expect((await owner.delete(`/api/campaigns/${id}`)).status).toBe(204)
    expect((await owner.delete(`/api/tokens/${token.body.id}`)).status).toBe(204)
    expect((await owner.delete(`/api/tokens/${randomUUID()}`)).status).toBe(404)
    expect((await anonymous.get('/health')).status).toBe(200)
    expect((await anonymous.get('/api/openapi.json')).status).toBe(200)
    expect((await owner.post('/api/auth/logout')).status).toBe(204)

    expect(contract.operations().filter(operation => !contract.exercised.has(operation))).toEqual([])
  })
})

/** Waits (unchecked: polling is not part of the contract under test) until no run is active. */
async function settled(client: ContractClient, id: string): Promise<void> {
  for (;;) {
    const response = await fetch(`${client.baseUrl}/api/campaigns/${id}`, { headers: { Cookie: client.sessionCookie ?? '' } })
    if (isSettled(await response.json())) return
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}
