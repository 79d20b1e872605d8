import { createHash } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerUser, type ApiClient, type RegisteredUser } from '../../support/api-client'
import type { RunningApp } from '../../support/app-server'
import { createCampaign, startCampaignApp } from '../../support/campaigns'
import { connectReviewHub, createReviewLink, negotiateStatus, reviewHubToken } from '../../support/review-hub'
import { databaseDrivers, type TestDatabase } from '../../support/test-databases'

const postgres = (await databaseDrivers()).find(driver => driver.name === 'postgres')!

/** What only the database can show: how links are stored, and what happens when one expires. */
describe.skipIf(postgres.skipReason)('review links in the database', () => {
  let database: TestDatabase
  let sql: pg.Client
  let app: RunningApp
  let owner: RegisteredUser
  let anonymous: ApiClient
  let campaignId: string

  beforeAll(async () => {
    database = await postgres.create()
    app = await startCampaignApp({ DATABASE_URL: database.url!, REVIEW_FEEDBACK_PER_LINK_PER_MINUTE: '100000', HUB_CREDENTIAL_CHECK_SECONDS: '1' })
    sql = new pg.Client({ connectionString: database.url })
    await sql.connect()
    owner = await registerUser(app.url)
    anonymous = owner.client.anonymous()
    campaignId = await createCampaign(owner.client)
  })
  afterAll(async () => {
    await sql?.end()
    await app?.stop()
    await database?.dispose()
  })

  it('keeps only a hash of the secret', async () => {
    const link = await createReviewLink(owner.client, campaignId)
    const { rows } = await sql.query('SELECT * FROM review_links WHERE id = $1', [link.id])
    expect(rows).toHaveLength(1)
    expect(rows[0].token_hash).toBe(createHash('sha256').update(link.token).digest('hex'))
    const secret = link.token.slice('map_rvw_'.length)
    const everything = JSON.stringify((await sql.query('SELECT * FROM review_links')).rows)
    expect(everything).not.toContain(secret)
  })

  it('stops working once it expires: the API, a fresh hub token and an open connection', async () => {
    const link = await createReviewLink(owner.client, campaignId, { expiresInHours: 1 })
    const hubToken = await reviewHubToken(anonymous, link.token)
    expect(await negotiateStatus(app.url, hubToken)).toBe(200)
    const reviewer = await connectReviewHub(anonymous, link.token)

    await sql.query(`UPDATE review_links SET expires_at = now() - interval '1 second' WHERE id = $1`, [link.id])

    const view = await anonymous.get(`/api/review/${link.token}`)
    expect(view.status).toBe(404)
    expect(view.body.detail).toMatch(/invalid or has expired/)
    expect((await anonymous.post(`/api/review/${link.token}/hub-token`)).status).toBe(404)
    expect(await negotiateStatus(app.url, hubToken)).toBe(401)
    // Expiry has no moment to act on: the server's periodic check closes what the link still has open.
    expect(String(await reviewer.closed)).toContain('no longer valid')
  }, 60_000)

  it('holds the feedback cap against posts racing on separate connections', async () => {
    const link = await createReviewLink(owner.client, campaignId)
    const answers = await Promise.all(Array.from({ length: 80 }, () =>
      anonymous.post(`/api/review/${link.token}/feedback`, { reviewerName: 'Rae', decision: 'approve' })))
    expect(answers.filter(answer => answer.status === 201)).toHaveLength(50)
    expect(answers.filter(answer => answer.status === 409)).toHaveLength(30)
    const stored = await sql.query('SELECT count(*)::int AS count FROM review_feedback WHERE link_id = $1', [link.id])
    expect(stored.rows[0].count).toBe(50)
  })

  it('goes with its campaign, feedback included', async () => {
    const id = await createCampaign(owner.client)
    const link = await createReviewLink(owner.client, id)
    expect((await anonymous.post(`/api/review/${link.token}/feedback`, { reviewerName: 'Rae', decision: 'approve' })).status).toBe(201)
    expect((await owner.client.delete(`/api/campaigns/${id}`)).status).toBe(204)
    const counts = await sql.query(
      'SELECT (SELECT count(*) FROM review_links WHERE campaign_id = $1)::int AS links, (SELECT count(*) FROM review_feedback WHERE campaign_id = $1)::int AS feedback',
      [id],
    )
    expect(counts.rows[0]).toEqual({ links: 0, feedback: 0 })
  })
})
