import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerUser, STRONG_PASSWORD, type RegisteredUser } from '../../support/api-client'
import type { RunningApp } from '../../support/app-server'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import { createCampaign, expectFieldErrors, expectProblem, startCampaignApp } from '../../support/campaigns'
import { createReviewLink } from '../../support/review-hub'

// What PostgreSQL text cannot hold: NUL, and surrogates without their pair (either half).
const UNSTORABLE = { 'nul': 'a\u0000b', 'high surrogate': 'a\uD800b', 'low surrogate': 'a\uDC00b' }

/** A password that must never reach the log, whatever becomes of the request carrying it. */
const secret = (bad: string) => `${STRONG_PASSWORD}-${bad}`

describe('text the database cannot store', () => {
  let app: RunningApp
  let owner: RegisteredUser
  let campaignId: string
  let reviewToken: string

  beforeAll(async () => {
    app = await startCampaignApp()
    owner = await registerUser(app.url)
    campaignId = await createCampaign(owner.client)
    reviewToken = (await createReviewLink(owner.client, campaignId)).token
  })
  afterAll(() => app?.stop())

  it.each(Object.entries(UNSTORABLE))('with a %s is refused field by field when registering and signing in', async (_, bad) => {
    const anonymous = owner.client.anonymous()
    expectFieldErrors(await anonymous.post('/api/auth/register', { name: bad, email: 'new@example.com', password: STRONG_PASSWORD }), ['name'])
    expectFieldErrors(await anonymous.post('/api/auth/register', { name: 'New', email: `new${bad}@example.com`, password: STRONG_PASSWORD }), ['email'])
    expectFieldErrors(await anonymous.post('/api/auth/register', { name: 'New', email: 'new@example.com', password: secret(bad) }), ['password'])
    expectFieldErrors(await anonymous.post('/api/auth/login', { email: owner.email, password: secret(bad) }), ['password'])
  })

  it.each(Object.entries(UNSTORABLE))('with a %s is refused in token names, briefs, revisions, regenerations and review feedback', async (_, bad) => {
    const { client } = owner
    expectFieldErrors(await client.post('/api/tokens', { name: bad, password: owner.password }), ['name'])
    expectFieldErrors(await client.post('/api/campaigns', { ...SAMPLE_BRIEF, theme: bad, constraints: [bad] }), ['theme', 'constraints.0'])
    expectFieldErrors(await client.post('/api/campaigns', { ...SAMPLE_BRIEF, brand: { name: bad, requiredDisclaimer: bad } }), ['brand.name', 'brand.requiredDisclaimer'])
    expectFieldErrors(await client.post(`/api/campaigns/${campaignId}/revise`, { feedback: bad, specificChanges: [bad] }), ['feedback', 'specificChanges.0'])
    expectFieldErrors(await client.post(`/api/campaigns/${campaignId}/artifacts/Copy/regenerate`, { feedback: bad, tags: [bad] }), ['feedback', 'tags.0'])
    const feedback = await client.anonymous().post(`/api/review/${reviewToken}/feedback`, { reviewerName: bad, decision: 'request-changes', comment: bad })
    expectFieldErrors(feedback, ['reviewerName', 'comment'])
  })

  // %00 decodes to NUL; %ED%A0%80 is a surrogate encoded as if it were a character (not UTF-8).
  it.each(['%00', 'camp_%00', '%ED%A0%80', '%ED%B0%80'])('%s in a path names no campaign or artifact', async (id) => {
    for (const path of [`/api/campaigns/${id}`, `/api/campaigns/${id}/artifacts`, `/api/campaigns/${id}/compliance`, `/api/campaigns/${campaignId}/artifacts/${id}/versions`]) {
      expectProblem(await owner.client.get(path), 404)
    }
    expectProblem(await owner.client.post(`/api/campaigns/${id}/generate`), 404)
    expectProblem(await owner.client.delete(`/api/campaigns/${id}`), 404)
    expectProblem(await owner.client.delete(`/api/campaigns/${id}/review-links/${id}`), 404)
    expectProblem(await owner.client.delete(`/api/tokens/${id}`), 404)
  })

  it('leaves nothing in the log: no failure, no hash, no password', () => {
    const log = app.output()
    expect(log).not.toMatch(/failed/i)
    expect(log).not.toContain('scrypt$')
    expect(log).not.toMatch(/[0-9a-f]{64}/)
    expect(log).not.toContain(STRONG_PASSWORD)
    for (const bad of Object.values(UNSTORABLE)) expect(log).not.toContain(secret(bad))
  })
})
