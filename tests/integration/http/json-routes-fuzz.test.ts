import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerUser, STRONG_PASSWORD, type ApiClient, type RegisteredUser } from '../../support/api-client'
import type { RunningApp } from '../../support/app-server'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import { createCampaign, startCampaignApp } from '../../support/campaigns'
import { contentType, hostileBody } from '../../support/json-body-arbitraries'
import { createReviewLink } from '../../support/review-hub'

/** Runs per route: enough to reach every kind of value, small enough for the suite's time budget. */
const RUNS = 25
const SEED = 20_260_701

interface Route {
  method: 'POST' | 'DELETE'
  path: (ids: Ids) => string
  /** A valid body, for the fields to turn hostile one by one. */
  example?: Record<string, unknown>
  /** Signs the client out: sent by a client of its own. */
  endsSession?: true
}

interface Ids { campaign: string, doomed: string, reviewToken: string, reviewLink: string }

const BRIEF = {
  ...SAMPLE_BRIEF,
  brand: { name: 'Ridgeline', palette: ['#112233'], bannedTerms: ['cheap'], requiredHashtags: ['#trail'], requiredDisclaimer: 'Terms apply' },
  executionMode: 'sequential',
}

/** Every route under /api that takes a request body or changes something. */
const ROUTES: Route[] = [
  { method: 'POST', path: () => '/api/auth/register', example: { name: 'Ada', email: 'ada@example.com', password: STRONG_PASSWORD } },
  { method: 'POST', path: () => '/api/auth/login', example: { email: 'ada@example.com', password: STRONG_PASSWORD } },
  { method: 'POST', path: () => '/api/auth/logout', endsSession: true },
  { method: 'DELETE', path: () => '/api/_auth/session', endsSession: true },
  { method: 'POST', path: () => '/api/tokens', example: { name: 'CI', expiresInDays: 7, password: STRONG_PASSWORD } },
  { method: 'DELETE', path: () => '/api/tokens/00000000-0000-4000-8000-000000000000' },
  { method: 'POST', path: () => '/api/hub/token' },
  { method: 'POST', path: () => '/api/campaigns', example: BRIEF },
  { method: 'POST', path: ids => `/api/campaigns/${ids.campaign}/generate` },
  { method: 'POST', path: ids => `/api/campaigns/${ids.campaign}/cancel` },
  { method: 'POST', path: ids => `/api/campaigns/${ids.campaign}/revise`, example: { feedback: 'Warmer', specificChanges: ['Shorter'] } },
  { method: 'POST', path: ids => `/api/campaigns/${ids.campaign}/artifacts/Copy/approve` },
  { method: 'POST', path: ids => `/api/campaigns/${ids.campaign}/artifacts/Visual/regenerate`, example: { feedback: 'Brighter', tags: ['bold'] } },
  { method: 'POST', path: ids => `/api/campaigns/${ids.campaign}/review-links`, example: { expiresInHours: 24, allowFeedback: true } },
  { method: 'DELETE', path: ids => `/api/campaigns/${ids.doomed}/review-links/${ids.reviewLink}` },
  { method: 'DELETE', path: ids => `/api/campaigns/${ids.doomed}` },
  { method: 'POST', path: ids => `/api/review/${ids.reviewToken}/feedback`, example: { reviewerName: 'Grace', decision: 'request-changes', comment: 'Less shouting' } },
  { method: 'POST', path: ids => `/api/review/${ids.reviewToken}/hub-token` },
]

describe('every JSON route under hostile bodies', () => {
  let app: RunningApp
  let owner: RegisteredUser
  let ids: Ids

  beforeAll(async () => {
    app = await startCampaignApp()
    owner = await registerUser(app.url)
    const [campaign, doomed] = [await createCampaign(owner.client), await createCampaign(owner.client)]
    const link = await createReviewLink(owner.client, doomed)
    ids = { campaign, doomed, reviewToken: link.token, reviewLink: link.id }
  })
  afterAll(() => app?.stop())

  it.each(ROUTES.map(route => [`${route.method} ${route.path({ campaign: '{id}', doomed: '{id}', reviewToken: '{token}', reviewLink: '{linkId}' })}`, route] as const))(
    '%s answers 2xx or 4xx, never 5xx',
    async (_, route) => {
      const client: ApiClient = route.endsSession ? (await registerUser(app.url)).client : owner.client
      await fc.assert(fc.asyncProperty(hostileBody(route.example ?? {}), contentType, async (body, type) => {
        const response = await client.request(route.method, route.path(ids), { body, headers: { 'Content-Type': type } })
        expect(response.status, `${route.method} ${route.path(ids)} ${JSON.stringify(response.body)}`).toBeLessThan(500)
      }), { numRuns: RUNS, seed: SEED })
    },
    60_000,
  )

  it('stays healthy, with no server-side failure logged', async () => {
    expect((await fetch(`${app.url}/health`)).status).toBe(200)
    expect(app.output()).not.toMatch(/failed \(correlation id/)
  })
})
