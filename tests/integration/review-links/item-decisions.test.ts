import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerUser, type ApiClient, type RegisteredUser } from '../../support/api-client'
import type { RunningApp } from '../../support/app-server'
import { connectCampaignHub } from '../../support/campaign-hub'
import { expectFieldErrors, expectProblem, startCampaignApp, generatedCampaign } from '../../support/campaigns'
import { connectReviewHub, createReviewLink } from '../../support/review-hub'

// Small caps for this suite, so they are reached in a few posts; the per-minute budget is out of the way.
const PER_LINK = 4
const PER_CAMPAIGN = 6

interface ShortCopy { id: string, metadata: { iteration: number, platforms: Array<{ platform: string, variants: Array<{ text: string, hashtags: string[] }> }> } }

/** Reviewers' decisions on one artifact or one post, bound to the version they saw. */
describe('decisions on single items', () => {
  let app: RunningApp
  let owner: RegisteredUser
  let stranger: RegisteredUser
  let anonymous: ApiClient

  beforeAll(async () => {
    app = await startCampaignApp({ REVIEW_DECISIONS_PER_LINK: String(PER_LINK), REVIEW_DECISIONS_PER_CAMPAIGN: String(PER_CAMPAIGN), REVIEW_FEEDBACK_PER_LINK_PER_MINUTE: '100000' })
    ;[owner, stranger] = await Promise.all([registerUser(app.url), registerUser(app.url)])
    anonymous = owner.client.anonymous()
  })
  afterAll(() => app?.stop())

  async function reviewedCampaign() {
    const campaignId = await generatedCampaign(owner.client)
    const shortCopy = (await owner.client.get(`/api/campaigns/${campaignId}/artifacts?type=ShortCopy`)).body.artifacts[0] as ShortCopy
    const link = await createReviewLink(owner.client, campaignId)
    return { campaignId, shortCopy, link }
  }

  const decide = (token: string, body: object) => anonymous.post(`/api/review/${token}/decisions`, body)
  const firstPost = (shortCopy: ShortCopy) => ({ platform: shortCopy.metadata.platforms[0]!.platform, text: shortCopy.metadata.platforms[0]!.variants[0]!.text })

  it('stores a decision on one post with the version the reviewer saw and shows it live to the owner', async () => {
    const { campaignId, shortCopy, link } = await reviewedCampaign()
    const ownerHub = await connectCampaignHub(app.url, owner.client)
    await ownerHub.connection.invoke('WatchCampaigns')
    const { platform, text } = firstPost(shortCopy)
    // A passage as a browser selection gives it: its line breaks are the page's.
    const quote = text.split(/\s+/).slice(0, 4).join('\n')

    const given = await decide(link.token, {
      reviewerName: 'Rae from Legal', decision: 'request-changes', comment: 'Softer, please.', artifactType: 'ShortCopy', platform, postIndex: 0, version: shortCopy.metadata.iteration, quote,
    })
    expect(given.status, JSON.stringify(given.body)).toBe(201)
    expect(given.body).toEqual({
      id: expect.any(String), reviewerName: 'Rae from Legal', decision: 'request-changes', comment: 'Softer, please.', quote,
      artifactType: 'ShortCopy', platform, postIndex: 0, version: shortCopy.metadata.iteration, createdAt: expect.any(String), resolvedAt: null,
    })
    const pushed = await ownerHub.log.waitFor(event => event.name === 'OnReviewDecisionChanged', 'the new decision')
    expect(pushed.args[0]).toEqual({ campaignId, decision: given.body })

    const approval = await decide(link.token, { reviewerName: 'Bo', decision: 'approve', artifactType: 'Copy', version: 1 })
    expect(approval.status).toBe(201)
    expect(approval.body).toMatchObject({ decision: 'approve', comment: '', quote: '', platform: null, postIndex: null, version: 1 })

    const listed = await owner.client.get(`/api/campaigns/${campaignId}/review-decisions`)
    expect(listed.status).toBe(200)
    expect(listed.body).toEqual({ campaignId, decisions: [given.body, approval.body] })
    expect((await anonymous.get(`/api/review/${link.token}`)).body.decisions).toEqual([given.body, approval.body])
    // The campaign-level feedback is untouched: decisions are counted and listed apart.
    expect((await owner.client.get(`/api/campaigns/${campaignId}`)).body.reviewFeedbackCount).toBe(0)
    await ownerHub.connection.stop()
  })

  it('answers bad decisions with Problem Details naming the field', async () => {
    const { shortCopy, link } = await reviewedCampaign()
    const { platform } = firstPost(shortCopy)
    const base = { reviewerName: 'Rae', decision: 'approve', artifactType: 'ShortCopy', platform, postIndex: 0, version: shortCopy.metadata.iteration }
    expectFieldErrors(await decide(link.token, { ...base, decision: 'request-changes' }), ['comment'])
    expectFieldErrors(await decide(link.token, { ...base, postIndex: undefined }), ['postIndex'])
    expectFieldErrors(await decide(link.token, { ...base, artifactType: 'Copy' }), ['platform'])
    expectFieldErrors(await decide(link.token, { ...base, artifactType: 'Poster' }), ['artifactType'])
    expectFieldErrors(await decide(link.token, { ...base, reviewerName: ' ' }), ['reviewerName'])
    expectFieldErrors(await decide(link.token, { ...base, comment: 'x'.repeat(2001) }), ['comment'])
    expectFieldErrors(await decide(link.token, { ...base, quote: 'x'.repeat(501) }), ['quote'])
    // What the campaign does not have: a version, a post, words of the item.
    expectFieldErrors(await decide(link.token, { ...base, version: shortCopy.metadata.iteration + 1 }), ['version'])
    expectFieldErrors(await decide(link.token, { ...base, postIndex: 40 }), ['postIndex'])
    expectFieldErrors(await decide(link.token, { ...base, quote: 'words nobody wrote here' }), ['quote'])
    // A link without feedback takes no decisions either.
    const readOnly = await createReviewLink(owner.client, (await reviewedCampaign()).campaignId, { allowFeedback: false })
    expectProblem(await decide(readOnly.token, base), 403)
  })

  it(`takes ${PER_LINK} decisions through one link and ${PER_CAMPAIGN} per campaign, then answers 409`, async () => {
    const { campaignId, link } = await reviewedCampaign()
    const approval = { reviewerName: 'Rae', decision: 'approve', artifactType: 'Visual', version: 1 }
    const answers = await Promise.all(Array.from({ length: PER_LINK + 3 }, () => decide(link.token, approval)))
    expect(answers.filter(answer => answer.status === 201)).toHaveLength(PER_LINK)
    for (const refused of answers.filter(answer => answer.status !== 201)) {
      expectProblem(refused, 409)
      expect(refused.body).toMatchObject({ type: '/problems/review-feedback-limit', detail: `This review link has reached its limit of ${PER_LINK} decisions. Ask the campaign owner for a new link.` })
    }
    const second = await createReviewLink(owner.client, campaignId)
    for (let taken = PER_LINK; taken < PER_CAMPAIGN; taken++) expect((await decide(second.token, approval)).status).toBe(201)
    const full = await decide(second.token, approval)
    expectProblem(full, 409)
    expect(full.body.detail).toBe(`This campaign has reached its limit of ${PER_CAMPAIGN} decisions.`)
    expect((await owner.client.get(`/api/campaigns/${campaignId}/review-decisions`)).body.decisions).toHaveLength(PER_CAMPAIGN)
  })

  it('lets the owner alone resolve a decision, once, and tells the reviewer\'s page', async () => {
    const { campaignId, link } = await reviewedCampaign()
    const given = (await decide(link.token, { reviewerName: 'Rae', decision: 'request-changes', comment: 'Shorter.', artifactType: 'Copy', version: 1 })).body
    const reviewer = await connectReviewHub(anonymous, link.token)
    await reviewer.connection.invoke('WatchCampaign', campaignId)
    const path = `/api/campaigns/${campaignId}/review-decisions/${given.id}/resolve`

    expectProblem(await anonymous.post(path), 401)
    expectProblem(await stranger.client.post(path), 404)
    expectProblem(await stranger.client.get(`/api/campaigns/${campaignId}/review-decisions`), 404)
    expectProblem(await owner.client.post(`/api/campaigns/${campaignId}/review-decisions/00000000-0000-4000-8000-000000000000/resolve`), 404)
    expectProblem(await owner.client.post(`/api/campaigns/${campaignId}/review-decisions/not-an-id/resolve`), 404)

    const resolved = await owner.client.post(path)
    expect(resolved.status).toBe(200)
    expect(resolved.body).toEqual({ ...given, resolvedAt: expect.any(String) })
    const pushed = await reviewer.log.waitFor(event => event.name === 'OnReviewDecisionChanged', 'the resolution')
    expect(pushed.args[0]).toEqual({ campaignId, decision: resolved.body })
    // Again: nothing changes, the first time stands.
    expect((await owner.client.post(path)).body.resolvedAt).toBe(resolved.body.resolvedAt)
    expect((await owner.client.get(`/api/campaigns/${campaignId}/review-decisions`)).body.decisions).toEqual([resolved.body])
    await reviewer.connection.stop()
  })

  it('keeps the version decided on when the owner saves a newer one, so the decision reads as outdated', async () => {
    const { campaignId, shortCopy, link } = await reviewedCampaign()
    const { platform, text } = firstPost(shortCopy)
    const approved = (await decide(link.token, { reviewerName: 'Bo', decision: 'approve', artifactType: 'ShortCopy', platform, postIndex: 0, version: 1, quote: text.slice(0, 30) })).body
    const edit = {
      type: 'ShortCopy', basedOn: 1,
      platforms: shortCopy.metadata.platforms.map((entry, index) => ({
        platform: entry.platform,
        variants: entry.variants.map((variant, at) => ({ text: index === 0 && at === 0 ? 'A new first post for the trail.' : variant.text, hashtags: variant.hashtags })),
      })),
    }
    const saved = await owner.client.post(`/api/campaigns/${campaignId}/artifacts/${shortCopy.id}/versions`, edit)
    expect(saved.status, JSON.stringify(saved.body)).toBe(201)

    const view = (await anonymous.get(`/api/review/${link.token}`)).body
    const current = view.campaign.artifacts.find((artifact: { type: string }) => artifact.type === 'ShortCopy').metadata.iteration
    expect(current).toBe(2)
    expect(view.decisions).toEqual([approved])
    expect(approved.version).toBeLessThan(current)
    // The old version still takes decisions about what it said; the new one about what it says now.
    expect((await decide(link.token, { reviewerName: 'Bo', decision: 'approve', artifactType: 'ShortCopy', platform, postIndex: 0, version: 1, quote: text.slice(0, 30) })).status).toBe(201)
    expectFieldErrors(await decide(link.token, { reviewerName: 'Bo', decision: 'approve', artifactType: 'ShortCopy', platform, postIndex: 0, version: 2, quote: text.slice(0, 30) }), ['quote'])
    expect((await decide(link.token, { reviewerName: 'Bo', decision: 'approve', artifactType: 'ShortCopy', platform, postIndex: 0, version: 2, quote: 'new first post' })).status).toBe(201)
  })
})
