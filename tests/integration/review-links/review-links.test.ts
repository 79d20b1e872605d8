import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, registerUser, type ApiClient, type RegisteredUser } from '../../support/api-client'
import type { RunningApp } from '../../support/app-server'
import { connectCampaignHub, SAMPLE_BRIEF } from '../../support/campaign-hub'
import { createCampaign, runToEnd, startCampaignApp, waitForCampaign, generatedCampaign } from '../../support/campaigns'
import { connectReviewHub, createReviewLink, negotiateStatus, reviewHubToken } from '../../support/review-hub'

// The secret is not echoed back, even in the problem's instance.
const INVALID_LINK = {
  status: 404,
  type: '/problems/review-link-invalid',
  detail: expect.stringMatching(/invalid or has expired/),
  instance: expect.stringMatching(/^\/api\/review\/\{token\}/),
}
const MADE_UP_TOKEN = `map_rvw_${'x'.repeat(43)}`

describe('review links', () => {
  let app: RunningApp
  let owner: RegisteredUser
  let stranger: RegisteredUser
  let anonymous: ApiClient
  let campaignId: string
  let otherCampaignId: string
  let strangersCampaignId: string

  beforeAll(async () => {
    // No periodic credential check within the run: a connection that closes was closed by the revocation itself.
    app = await startCampaignApp({ HUB_CREDENTIAL_CHECK_SECONDS: '3600' })
    ;[owner, stranger] = await Promise.all([registerUser(app.url), registerUser(app.url)])
    anonymous = owner.client.anonymous()
    campaignId = await generatedCampaign(owner.client)
    otherCampaignId = await createCampaign(owner.client, { ...SAMPLE_BRIEF, theme: 'Another launch' })
    strangersCampaignId = await createCampaign(stranger.client)
  })
  afterAll(() => app?.stop())

  describe('for the owner', () => {
    it('creates a link whose secret is shown once, as a /review URL', async () => {
      const response = await owner.client.post(`/api/campaigns/${campaignId}/review-links`, { expiresInHours: 48, allowFeedback: true })
      expect(response.status).toBe(201)
      expect(Object.keys(response.body).sort()).toEqual(['expiresAt', 'id', 'token', 'url'])
      // 32 random bytes behind a marker: far beyond 128 bits.
      expect(response.body.token).toMatch(/^map_rvw_[\w-]{43}$/)
      expect(response.body.url).toBe(`/review/${response.body.token}`)
      expect(Math.abs(Date.parse(response.body.expiresAt) - (Date.now() + 48 * 3_600_000))).toBeLessThan(60_000)

      const listed = await owner.client.get(`/api/campaigns/${campaignId}/review-links`)
      expect(listed.status).toBe(200)
      const link = listed.body.links.find((candidate: { id: string }) => candidate.id === response.body.id)
      expect(link).toEqual({ id: response.body.id, allowFeedback: true, createdAt: expect.any(String), expiresAt: response.body.expiresAt, lastUsedAt: null, revokedAt: null })
      expect(JSON.stringify(listed.body)).not.toContain(response.body.token)
    })

    it.each([
      [{ expiresInHours: 0, allowFeedback: true }, 'expiresInHours'],
      [{ expiresInHours: 721, allowFeedback: true }, 'expiresInHours'],
      [{ expiresInHours: 1.5, allowFeedback: true }, 'expiresInHours'],
      [{ expiresInHours: 24 }, 'allowFeedback'],
    ])('refuses %j with a validation problem', async (body, field) => {
      const response = await owner.client.post(`/api/campaigns/${campaignId}/review-links`, body)
      expect(response.status).toBe(400)
      expect(response.body.errors[field]).toBeDefined()
    })

    it('is the only one who can manage the links: another user gets 404, nobody signed in 401', async () => {
      const { id } = await createReviewLink(owner.client, campaignId)
      for (const response of [
        await stranger.client.post(`/api/campaigns/${campaignId}/review-links`, { expiresInHours: 1, allowFeedback: false }),
        await stranger.client.get(`/api/campaigns/${campaignId}/review-links`),
        await stranger.client.delete(`/api/campaigns/${campaignId}/review-links/${id}`),
        await stranger.client.get(`/api/campaigns/${campaignId}/review-feedback`),
      ]) expect(response.status).toBe(404)
      expect((await anonymous.get(`/api/campaigns/${campaignId}/review-links`)).status).toBe(401)
      // A link is revoked through its own campaign only.
      expect((await owner.client.delete(`/api/campaigns/${otherCampaignId}/review-links/${id}`)).status).toBe(404)
      expect((await owner.client.delete(`/api/campaigns/${campaignId}/review-links/not-a-link`)).status).toBe(404)
    })
  })

  describe('for a reviewer', () => {
    it('shows the campaign read-only without signing in, and records the use', async () => {
      const link = await createReviewLink(owner.client, campaignId, { allowFeedback: false })
      const response = await anonymous.get(`/api/review/${link.token}`)
      expect(response.status).toBe(200)
      expect(response.body).toMatchObject({ allowFeedback: false, expiresAt: link.expiresAt, feedback: [] })
      expect(response.body.campaign).toMatchObject({ campaignId, theme: SAMPLE_BRIEF.theme, status: 'Completed', compliance: { campaignId } })
      expect(response.body.campaign.artifacts.map((artifact: { type: string }) => artifact.type).sort()).toEqual(['Copy', 'ShortCopy', 'Visual'])
      expect(response.body.campaign.artifacts.every((artifact: { content: string }) => artifact.content.length > 0)).toBe(true)
      const listed = (await owner.client.get(`/api/campaigns/${campaignId}/review-links`)).body.links
      expect(Date.parse(listed.find((candidate: { id: string }) => candidate.id === link.id).lastUsedAt)).not.toBeNaN()
    })

    it.each([
      ['an unknown token', MADE_UP_TOKEN],
      ['a malformed token', 'not-a-token'],
    ])('answers %s with the same 404 as a revoked link', async (_, token) => {
      for (const response of [
        await anonymous.get(`/api/review/${token}`),
        await anonymous.post(`/api/review/${token}/hub-token`),
        await anonymous.post(`/api/review/${token}/feedback`, { reviewerName: 'Rae', decision: 'approve' }),
      ]) expect({ ...response.body, status: response.status }).toMatchObject(INVALID_LINK)
    })

    it('sends no referrer and asks not to be indexed, on the page and every API answer', async () => {
      const link = await createReviewLink(owner.client, campaignId)
      const answers = await Promise.all([
        anonymous.get(`/api/review/${link.token}`),
        anonymous.get(`/api/review/${MADE_UP_TOKEN}`),
        anonymous.post(`/api/review/${link.token}/hub-token`),
        anonymous.post(`/api/review/${link.token}/feedback`, { reviewerName: '' }),
        fetch(`${app.url}/review/${link.token}`).then(async response => ({ status: response.status, headers: response.headers, body: await response.text() })),
      ])
      expect(answers.map(answer => answer.status)).toEqual([200, 404, 200, 400, 200])
      for (const answer of answers) {
        expect(answer.headers.get('referrer-policy')).toBe('no-referrer')
        expect(answer.headers.get('x-robots-tag')).toBe('noindex')
      }
    })

    it('gets a hub token scoped to the campaign that never outlives the link', async () => {
      const link = await createReviewLink(owner.client, campaignId, { expiresInHours: 1 })
      const response = await anonymous.post(`/api/review/${link.token}/hub-token`)
      expect(response.status).toBe(200)
      expect(response.body.url).toBe(`${app.url}/hubs/campaign`)
      const expiresAt = Date.parse(response.body.expiresAt)
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + 15 * 60_000 + 1000)
      expect(expiresAt).toBeLessThanOrEqual(Date.parse(link.expiresAt))
      const claims = JSON.parse(Buffer.from(response.body.accessToken.split('.')[1], 'base64url').toString())
      expect(claims.review).toEqual({ linkId: link.id, campaignId })
      expect(claims.sub).toBe(`review:${link.id}`)
    })
  })

  describe('a review credential does nothing else', () => {
    it.each([
      ['GET', '/api/campaigns'],
      ['GET', '/api/auth/me'],
      ['GET', '/api/campaigns/{id}'],
      ['GET', '/api/campaigns/{id}/review-links'],
      ['POST', '/api/campaigns/{id}/generate'],
      ['POST', '/api/hub/token'],
      ['GET', '/api/tokens'],
    ])('%s %s answers 401 to the review token and to the review hub token', async (method, template) => {
      const link = await createReviewLink(owner.client, campaignId)
      const hubToken = await reviewHubToken(anonymous, link.token)
      const path = template.replace('{id}', campaignId)
      for (const credential of [link.token, hubToken]) {
        const response = await anonymous.request(method, path, { headers: bearer(credential) })
        expect(response.status, `${method} ${path}`).toBe(401)
      }
    })

    it('follows its own campaign over the hub and no other', async () => {
      const link = await createReviewLink(owner.client, campaignId)
      const { connection, log } = await connectReviewHub(anonymous, link.token)
      try {
        await connection.invoke('JoinCampaignGroup', campaignId)
        await connection.invoke('RequestCampaignStatus', campaignId)
        const snapshot = (await log.waitFor(event => event.name === 'OnCampaignStatusReceived', 'the snapshot', 5_000)).args[0]
        expect(snapshot).toMatchObject({ campaignId, status: 'Completed', theme: SAMPLE_BRIEF.theme })
        for (const other of [otherCampaignId, strangersCampaignId, 'camp_missing']) {
          for (const method of ['JoinCampaignGroup', 'RequestCampaignStatus', 'WatchCampaign']) {
            await expect(connection.invoke(method, other), `${method} ${other}`).rejects.toThrow(`Campaign '${other}' was not found.`)
          }
        }
        // A link has no campaigns of its own to watch; its one campaign it may.
        await expect(connection.invoke('WatchCampaigns')).rejects.toThrow('A review link can only watch its own campaign')
        await connection.invoke('WatchCampaign', campaignId)
        await connection.invoke('LeaveCampaignGroup', campaignId)
      }
      finally {
        await connection.stop()
      }
    })

    it('sees regenerations arrive live', async () => {
      const link = await createReviewLink(owner.client, campaignId)
      const { connection, log } = await connectReviewHub(anonymous, link.token)
      try {
        await connection.invoke('JoinCampaignGroup', campaignId)
        await runToEnd(owner.client, campaignId, '/artifacts/Copy/regenerate', { feedback: 'Shorter, please' })
        const generated = await log.waitFor(event => event.name === 'OnArtifactGenerated', 'the regenerated artifact')
        expect(generated.args[0]).toMatchObject({ campaignId, type: 'Copy' })
        expect(log.named('OnChunkReceived').length).toBeGreaterThan(0)
        // A reviewer does not hear about the owner's other campaigns.
        expect(log.events.every(event => JSON.stringify(event.args).includes(campaignId))).toBe(true)
      }
      finally {
        await connection.stop()
      }
    })
  })

  describe('feedback', () => {
    it('is stored and shown live to the owner, on the campaign and in its history', async () => {
      const link = await createReviewLink(owner.client, campaignId, { allowFeedback: true })
      const { connection, log } = await connectCampaignHub(app.url, owner.client)
      await connection.invoke('WatchCampaigns')
      try {
        const given = await anonymous.post(`/api/review/${link.token}/feedback`, { reviewerName: 'Rae from Legal', decision: 'request-changes', comment: 'Drop the second claim.' })
        expect(given.status).toBe(201)
        expect(given.body).toEqual({ id: expect.any(String), reviewerName: 'Rae from Legal', decision: 'request-changes', comment: 'Drop the second claim.', createdAt: expect.any(String) })

        // The new post alone, with the campaign's count: not the whole list again.
        const pushed = await log.waitFor(event => event.name === 'OnReviewFeedbackReceived', 'the new feedback')
        expect(pushed.args[0]).toEqual({ campaignId, feedback: given.body, totalCount: expect.any(Number) })
        expect(log.named('OnCampaignUpdated')).toEqual([])

        const detail = await owner.client.get(`/api/campaigns/${campaignId}`)
        expect(detail.body.reviewFeedback).toContainEqual(given.body)
        expect(detail.body.reviewFeedbackCount).toBe(pushed.args[0].totalCount)
        const history = await owner.client.get(`/api/campaigns/${campaignId}/review-feedback`)
        expect(history.status).toBe(200)
        expect(history.body).toEqual({ campaignId, feedback: expect.arrayContaining([given.body]), totalCount: pushed.args[0].totalCount, hasOlder: false })
        expect((await anonymous.get(`/api/review/${link.token}`)).body.feedback).toContainEqual(given.body)

        const approval = await anonymous.post(`/api/review/${link.token}/feedback`, { reviewerName: 'Bo', decision: 'approve' })
        expect(approval.status).toBe(201)
        expect(approval.body).toMatchObject({ decision: 'approve', comment: '' })
        const ids = (await owner.client.get(`/api/campaigns/${campaignId}/review-feedback`)).body.feedback.map((f: { id: string }) => f.id)
        expect(ids.indexOf(approval.body.id)).toBeGreaterThan(ids.indexOf(given.body.id))
      }
      finally {
        await connection.stop()
      }
    })

    it('needs a comment to request changes, and a name always', async () => {
      const link = await createReviewLink(owner.client, campaignId)
      const noComment = await anonymous.post(`/api/review/${link.token}/feedback`, { reviewerName: 'Rae', decision: 'request-changes', comment: '  ' })
      expect(noComment.status).toBe(400)
      expect(noComment.body.errors.comment).toBeDefined()
      const noName = await anonymous.post(`/api/review/${link.token}/feedback`, { decision: 'approve' })
      expect(noName.status).toBe(400)
      expect(noName.body.errors.reviewerName).toBeDefined()
      const badDecision = await anonymous.post(`/api/review/${link.token}/feedback`, { reviewerName: 'Rae', decision: 'maybe' })
      expect(badDecision.status).toBe(400)
    })

    it('refuses control characters and over-long fields with field errors', async () => {
      const link = await createReviewLink(owner.client, campaignId)
      const response = await anonymous.post(`/api/review/${link.token}/feedback`, {
        reviewerName: `Rae${'\u0001'.repeat(50)}`,
        decision: 'request-changes',
        comment: `${'\u0007'.repeat(10)}${'x'.repeat(2001)}`,
      })
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toContain('application/problem+json')
      expect(response.body.errors).toEqual({
        reviewerName: ['Letters, digits, spaces and punctuation only'],
        comment: ['At most 2000 characters', 'Text, line breaks and tabs only: no other control characters'],
      })
    })

    it('is refused with 403 when the link does not allow it', async () => {
      const link = await createReviewLink(owner.client, campaignId, { allowFeedback: false })
      const response = await anonymous.post(`/api/review/${link.token}/feedback`, { reviewerName: 'Rae', decision: 'approve' })
      expect(response.status).toBe(403)
      expect(response.headers.get('content-type')).toContain('application/problem+json')
      expect(response.body).toMatchObject({ status: 403, type: '/problems/review-feedback-not-allowed' })
    })
  })

  describe('revoking a link', () => {
    it('closes its live connections at once and stops every use of it', async () => {
      const link = await createReviewLink(owner.client, campaignId)
      const kept = await createReviewLink(owner.client, campaignId)
      const hubToken = await reviewHubToken(anonymous, link.token)
      const reviewer = await connectReviewHub(anonymous, link.token)
      const bystander = await connectReviewHub(anonymous, kept.token)
      await reviewer.connection.invoke('JoinCampaignGroup', campaignId)

      expect((await owner.client.delete(`/api/campaigns/${campaignId}/review-links/${link.id}`)).status).toBe(204)
      const error = await reviewer.closed
      expect(String(error)).toContain('no longer valid')
      // Only that link's connections: another link's reviewer stays.
      expect(bystander.connection.state).toBe('Connected')
      await bystander.connection.stop()

      for (const response of [
        await anonymous.get(`/api/review/${link.token}`),
        await anonymous.post(`/api/review/${link.token}/hub-token`),
        await anonymous.post(`/api/review/${link.token}/feedback`, { reviewerName: 'Rae', decision: 'approve' }),
      ]) expect({ ...response.body, status: response.status }).toMatchObject(INVALID_LINK)
      // The hub token was issued before the revocation and is still signed and unexpired: the link decides.
      expect(await negotiateStatus(app.url, hubToken)).toBe(401)

      const listed = (await owner.client.get(`/api/campaigns/${campaignId}/review-links`)).body.links
      expect(Date.parse(listed.find((candidate: { id: string }) => candidate.id === link.id).revokedAt)).not.toBeNaN()
      expect((await owner.client.delete(`/api/campaigns/${campaignId}/review-links/${link.id}`)).status).toBe(404)
    })

    it('happens with the campaign: deleting it ends its links', async () => {
      const id = await createCampaign(owner.client, { ...SAMPLE_BRIEF, theme: 'Short-lived' })
      const link = await createReviewLink(owner.client, id)
      expect((await anonymous.get(`/api/review/${link.token}`)).status).toBe(200)
      await waitForCampaign(owner.client, id)
      expect((await owner.client.delete(`/api/campaigns/${id}`)).status).toBe(204)
      expect((await anonymous.get(`/api/review/${link.token}`)).status).toBe(404)
    })
  })
})
