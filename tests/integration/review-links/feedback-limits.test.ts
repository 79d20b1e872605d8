import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerUser, type ApiClient, type RegisteredUser } from '../../support/api-client'
import type { RunningApp } from '../../support/app-server'
import { connectCampaignHub } from '../../support/campaign-hub'
import { createCampaign, startCampaignApp, generatedCampaign } from '../../support/campaigns'
import { createReviewLink } from '../../support/review-hub'

// The documented limits (docs/SECURITY.md): the server's defaults.
const PER_LINK = 50
const PER_CAMPAIGN = 500
const PER_LINK_PER_MINUTE = 10
const IN_SNAPSHOT = 20
const PAGE_MAX = 50
const NAME_MAX = 100
const COMMENT_MAX = 2000
/** How far behind a client may fall before the server drops it (docs/SIGNALR.md). */
const SLOW_CLIENT_LIMIT = 1024 * 1024

// The largest post there is: every character as long as JSON allows. Quotes, backslashes, tabs and
// line breaks are escaped (two bytes each); an emoji is four bytes of UTF-8 and one character.
const LONGEST_NAME = '😀'.repeat(NAME_MAX)
const LONGEST_COMMENT = '"\\\t\n😀'.repeat(COMMENT_MAX / 5)
const LARGEST = { reviewerName: LONGEST_NAME, decision: 'request-changes', comment: LONGEST_COMMENT }

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value))
/** An upper bound for one stored post as JSON: four bytes for every character it may have. */
const ENTRY_BOUND = bytes({
  id: randomUUID(), reviewerName: '😀'.repeat(NAME_MAX), decision: 'request-changes', comment: '😀'.repeat(COMMENT_MAX), createdAt: new Date().toISOString(),
}) + 1

const post = (client: ApiClient, token: string, body: object = { reviewerName: 'Rae', decision: 'approve' }) =>
  client.post(`/api/review/${token}/feedback`, body)

describe('reviewer feedback is bounded', () => {
  let app: RunningApp
  let owner: RegisteredUser
  let anonymous: ApiClient

  beforeAll(async () => {
    // The per-minute budget is high here so the caps can be reached; it has its own suite below.
    app = await startCampaignApp({ REVIEW_FEEDBACK_PER_LINK_PER_MINUTE: '100000' })
    owner = await registerUser(app.url)
    anonymous = owner.client.anonymous()
  })
  afterAll(() => app?.stop())

  it(`takes ${PER_LINK} posts through one link, even sent all at once, then answers 409`, async () => {
    const campaignId = await createCampaign(owner.client)
    const link = await createReviewLink(owner.client, campaignId)
    const answers = await Promise.all(Array.from({ length: PER_LINK + 10 }, () => post(anonymous, link.token)))
    expect(answers.filter(answer => answer.status === 201)).toHaveLength(PER_LINK)
    const refused = answers.filter(answer => answer.status !== 201)
    expect(refused).toHaveLength(10)
    for (const answer of refused) {
      expect(answer.status).toBe(409)
      expect(answer.headers.get('content-type')).toContain('application/problem+json')
      expect(answer.body).toMatchObject({
        type: '/problems/review-feedback-limit',
        detail: `This review link has reached its limit of ${PER_LINK} feedback posts. Ask the campaign owner for a new link.`,
      })
    }
    expect((await owner.client.get(`/api/campaigns/${campaignId}`)).body.reviewFeedbackCount).toBe(PER_LINK)
    // The campaign is not full: another link still takes feedback.
    expect((await post(anonymous, (await createReviewLink(owner.client, campaignId)).token)).status).toBe(201)
  })

  it(`keeps snapshots small with ${PER_CAMPAIGN} of the largest posts, and the owner's SSE connection hears every one`, async () => {
    const campaignId = await generatedCampaign(owner.client)
    const before = (await owner.client.get(`/api/campaigns/${campaignId}`)).body
    const { connection, log } = await connectCampaignHub(app.url, owner.client, { transport: 'ServerSentEvents' })
    const closed: unknown[] = []
    connection.onclose(error => closed.push(error))
    try {
      await connection.invoke('JoinCampaignGroup', campaignId)
      await connection.invoke('WatchCampaign', campaignId)
      await connection.invoke('RequestCampaignStatus', campaignId)
      const emptySnapshot = (await log.waitFor(event => event.name === 'OnCampaignStatusReceived', 'the first snapshot')).args[0]

      const links = await Promise.all(Array.from({ length: PER_CAMPAIGN / PER_LINK }, () => createReviewLink(owner.client, campaignId)))
      const given = await Promise.all(links.map(async (link) => {
        const ids: string[] = []
        for (let i = 0; i < PER_LINK; i++) {
          const answer = await post(anonymous, link.token, LARGEST)
          expect(answer.status).toBe(201)
          ids.push(answer.body.id)
        }
        return ids
      }))
      expect(given.flat()).toHaveLength(PER_CAMPAIGN)
      expect(given[0]).toHaveLength(PER_LINK)
      const refused = await post(anonymous, (await createReviewLink(owner.client, campaignId)).token, LARGEST)
      expect(refused.status).toBe(409)
      expect(refused.body.detail).toBe(`This campaign has reached its limit of ${PER_CAMPAIGN} feedback posts.`)

      // Each post reached the owner alone, over a connection that stayed open.
      await log.waitFor(() => log.named('OnReviewFeedbackReceived').length === PER_CAMPAIGN, 'every new post', 60_000)
      const notices = log.named('OnReviewFeedbackReceived').map(event => event.args[0])
      expect(new Set(notices.map(notice => notice.feedback.id))).toEqual(new Set(given.flat()))
      expect(Math.max(...notices.map(notice => notice.totalCount))).toBe(PER_CAMPAIGN)
      expect(notices.every(notice => bytes(notice) <= ENTRY_BOUND + 100)).toBe(true)
      const from = log.events.length
      await connection.invoke('RequestCampaignStatus', campaignId)
      const snapshot = (await log.waitFor(event => event.name === 'OnCampaignStatusReceived', 'the full snapshot', 20_000, from)).args[0]
      expect(closed).toEqual([])
      expect(connection.state).toBe('Connected')

      // The newest posts and the count, within a bound well below what a slow client may fall behind.
      const snapshotBound = bytes(emptySnapshot) + IN_SNAPSHOT * ENTRY_BOUND + 8
      expect(snapshotBound).toBeLessThan(SLOW_CLIENT_LIMIT / 4)
      expect(snapshot.reviewFeedback).toHaveLength(IN_SNAPSHOT)
      expect(snapshot.reviewFeedbackCount).toBe(PER_CAMPAIGN)
      expect(bytes(snapshot)).toBeLessThanOrEqual(snapshotBound)

      const detail = (await owner.client.get(`/api/campaigns/${campaignId}`)).body
      expect(detail.reviewFeedback).toEqual(snapshot.reviewFeedback)
      expect(detail.reviewFeedbackCount).toBe(PER_CAMPAIGN)
      expect(bytes(detail)).toBeLessThanOrEqual(bytes(before) + IN_SNAPSHOT * ENTRY_BOUND + 8)
      const view = (await anonymous.get(`/api/review/${links[0]!.token}`)).body
      expect(view.feedback).toHaveLength(IN_SNAPSHOT)
      expect(view.campaign.reviewFeedbackCount).toBe(PER_CAMPAIGN)
      expect(bytes(view)).toBeLessThanOrEqual(bytes(emptySnapshot) + 2 * IN_SNAPSHOT * ENTRY_BOUND + 500)

      // Older posts come a page at a time, newest page first, each oldest first, until none is left.
      const pages = []
      let query = ''
      for (;;) {
        const page = await owner.client.get(`/api/campaigns/${campaignId}/review-feedback${query}`)
        expect(page.status).toBe(200)
        expect(page.body.feedback.length).toBeLessThanOrEqual(PAGE_MAX)
        expect(page.body.totalCount).toBe(PER_CAMPAIGN)
        pages.push(page.body)
        if (!page.body.hasOlder) break
        query = `?before=${page.body.feedback[0].id}`
      }
      expect(pages).toHaveLength(PER_CAMPAIGN / PAGE_MAX)
      expect(pages[0].feedback.slice(-IN_SNAPSHOT)).toEqual(snapshot.reviewFeedback)
      const everything = pages.reverse().flatMap(page => page.feedback)
      expect(new Set(everything.map(item => item.id))).toEqual(new Set(given.flat()))
      const times = everything.map(item => Date.parse(item.createdAt))
      expect(times).toEqual([...times].sort((a, b) => a - b))
      expect(everything.every(item => item.reviewerName === LONGEST_NAME && item.comment === LONGEST_COMMENT)).toBe(true)
    }
    finally {
      await connection.stop()
    }
  }, 180_000)

  it('pages with a bounded size and a known cursor only', async () => {
    const campaignId = await createCampaign(owner.client)
    const link = await createReviewLink(owner.client, campaignId)
    const given = []
    for (let i = 0; i < 3; i++) given.push((await post(anonymous, link.token)).body)
    const path = `/api/campaigns/${campaignId}/review-feedback`
    expect((await owner.client.get(`${path}?limit=2`)).body).toEqual({ campaignId, feedback: given.slice(1), totalCount: 3, hasOlder: true })
    expect((await owner.client.get(`${path}?limit=2&before=${given[1].id}`)).body).toEqual({ campaignId, feedback: given.slice(0, 1), totalCount: 3, hasOlder: false })

    for (const [query, field] of [['limit=51', 'limit'], ['limit=0', 'limit'], ['before=not-an-id', 'before']]) {
      const refused = await owner.client.get(`${path}?${query}`)
      expect(refused.status, query).toBe(400)
      expect(refused.body.errors[field!], query).toBeDefined()
    }
    const otherCampaign = await createCampaign(owner.client)
    const elsewhere = (await post(anonymous, (await createReviewLink(owner.client, otherCampaign)).token)).body
    for (const before of [randomUUID(), elsewhere.id]) {
      const missing = await owner.client.get(`${path}?before=${before}`)
      expect(missing.status).toBe(404)
      expect(missing.body.detail).toBe(`Review feedback '${before}' was not found in this campaign.`)
    }
  })
})

describe('reviewer feedback is rate-limited per link', () => {
  let app: RunningApp
  let owner: RegisteredUser

  beforeAll(async () => {
    app = await startCampaignApp()
    owner = await registerUser(app.url)
  })
  afterAll(() => app?.stop())

  it(`takes ${PER_LINK_PER_MINUTE} posts a minute through one link, then answers 429 with when to retry`, async () => {
    const campaignId = await createCampaign(owner.client)
    const anonymous = owner.client.anonymous()
    const link = await createReviewLink(owner.client, campaignId)
    for (let i = 0; i < PER_LINK_PER_MINUTE; i++) expect((await post(anonymous, link.token)).status).toBe(201)
    const limited = await post(anonymous, link.token)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(limited.body).toMatchObject({
      type: '/problems/rate-limited',
      detail: expect.stringMatching(new RegExp(`^At most ${PER_LINK_PER_MINUTE} feedback posts per minute through one review link\\. Try again in \\d+ seconds\\.$`)),
    })
    expect((await owner.client.get(`/api/campaigns/${campaignId}`)).body.reviewFeedbackCount).toBe(PER_LINK_PER_MINUTE)
    // Another link has its own budget.
    expect((await post(anonymous, (await createReviewLink(owner.client, campaignId)).token)).status).toBe(201)
  })
})
