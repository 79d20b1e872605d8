import { describe, expect, it } from 'vitest'
import { createCampaign, expectProblem } from '../../support/campaigns'
import { useCampaignApp } from '../../support/campaign-suite'
import { createReviewLink } from '../../support/review-hub'

/** Small, so reaching the cap takes a few requests. */
const LINKS = 3

describe('how many review links a campaign keeps', () => {
  const suite = useCampaignApp({ REVIEW_LINKS_PER_CAMPAIGN: String(LINKS) })
  const linksOf = async (campaignId: string) =>
    (await suite.owner.client.get(`/api/campaigns/${campaignId}/review-links`)).body.links as Array<{ id: string, revokedAt: string | null }>
  const share = (campaignId: string) => suite.owner.client.post(`/api/campaigns/${campaignId}/review-links`, { expiresInHours: 24, allowFeedback: true })
  const revoke = async (campaignId: string, linkId: string) =>
    expect((await suite.owner.client.delete(`/api/campaigns/${campaignId}/review-links/${linkId}`)).status).toBe(204)

  it('refuses a link past REVIEW_LINKS_PER_CAMPAIGN with 409, and makes room by deleting ended links that carried nothing', async () => {
    const campaignId = await createCampaign(suite.owner.client)
    const [quiet, heard] = [await createReviewLink(suite.owner.client, campaignId), await createReviewLink(suite.owner.client, campaignId)]
    await createReviewLink(suite.owner.client, campaignId)
    const refused = await share(campaignId)
    expectProblem(refused, 409)
    expect(refused.body).toMatchObject({ type: '/problems/review-link-limit', detail: expect.stringContaining(`${LINKS} review links`) })

    const anonymous = suite.owner.client.anonymous()
    expect((await anonymous.post(`/api/review/${heard.token}/feedback`, { reviewerName: 'Rae', decision: 'approve' })).status).toBe(201)
    await revoke(campaignId, quiet.id)
    await revoke(campaignId, heard.id)

    // The revoked link that carried nothing goes; the one that carried feedback stays, so its feedback keeps its source.
    expect((await share(campaignId)).status).toBe(201)
    const links = await linksOf(campaignId)
    expect(links.map(link => link.id)).not.toContain(quiet.id)
    expect(links.find(link => link.id === heard.id)?.revokedAt).toEqual(expect.any(String))
    expect(links).toHaveLength(LINKS)
    expectProblem(await share(campaignId), 409)

    // Another campaign of the same owner has its own room.
    expect((await share(await createCampaign(suite.owner.client))).status).toBe(201)
  })
})
