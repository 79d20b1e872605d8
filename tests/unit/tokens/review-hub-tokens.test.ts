import { describe, expect, it } from 'vitest'
import { HUB_TOKEN_LIFETIME_SECONDS, HubTokenIssuer } from '../../../server/tokens/hub-token-issuer'
import { redactPath } from '../../../server/http/redact-path'

const SECRET = 'a-test-secret-of-enough-length-for-hs256-signing'
const scope = { linkId: 'link-1', campaignId: 'camp_1' }

describe('review hub tokens', () => {
  it('carry the review scope, which only verifyReview accepts', async () => {
    const issuer = new HubTokenIssuer(SECRET)
    const { accessToken } = await issuer.issueForReview(scope, new Date(Date.now() + 3_600_000))
    expect(await issuer.verifyReview(accessToken)).toEqual(scope)
    // Never mistaken for a user's token.
    expect(await issuer.verify(accessToken)).toBeNull()
    const user = await issuer.issue({ userId: 'user-1', name: 'Una', credential: { kind: 'session', id: 'session-1' } })
    expect(await issuer.verifyReview(user.accessToken)).toBeNull()
  })

  it('last the usual lifetime, or until the link expires when that comes first', async () => {
    const now = new Date('2030-01-01T00:00:00Z')
    const issuer = new HubTokenIssuer(SECRET, () => now)
    const far = await issuer.issueForReview(scope, new Date(now.getTime() + 3_600_000))
    expect(far.expiresAt.getTime()).toBe(now.getTime() + HUB_TOKEN_LIFETIME_SECONDS * 1000)
    const soon = await issuer.issueForReview(scope, new Date(now.getTime() + 60_000))
    expect(soon.expiresAt.getTime()).toBe(now.getTime() + 60_000)
  })
})

describe('redactPath', () => {
  it('hides a review link secret from logs and error bodies', () => {
    expect(redactPath('/api/review/map_rvw_secret/feedback')).toBe('/api/review/{token}/feedback')
    expect(redactPath('/review/map_rvw_secret')).toBe('/review/{token}')
    expect(redactPath('/api/campaigns/camp_1/review-links')).toBe('/api/campaigns/camp_1/review-links')
  })
})
