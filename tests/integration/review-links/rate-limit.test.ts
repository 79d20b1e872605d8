import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerUser, type RegisteredUser } from '../../support/api-client'
import { startApp, type RunningApp } from '../../support/app-server'
import { createCampaign } from '../../support/campaigns'
import { createReviewLink } from '../../support/review-hub'

const LIMIT = 12

describe('review calls are rate-limited by address', () => {
  let app: RunningApp
  let owner: RegisteredUser
  beforeAll(async () => {
    app = await startApp({ RATE_LIMIT_PER_MINUTE: String(LIMIT) })
    owner = await registerUser(app.url)
  })
  afterAll(() => app?.stop())

  it('spends the address budget, even for a signed-in visitor, and leaves the owner\'s own budget alone', async () => {
    const link = await createReviewLink(owner.client, await createCampaign(owner.client))
    const remaining = (response: { headers: Headers }) => Number(response.headers.get('x-ratelimit-remaining'))
    const userBefore = remaining(await owner.client.get('/api/auth/me'))
    // The owner's session cookie goes along, yet review calls count against the address.
    const first = remaining(await owner.client.get(`/api/review/${link.token}`))
    expect(remaining(await owner.client.anonymous().get(`/api/review/${link.token}`))).toBe(first - 1)
    expect(remaining(await owner.client.get('/api/auth/me'))).toBe(userBefore - 1)

    let limited
    for (let i = 0; i <= LIMIT && !limited; i++) {
      const response = await owner.client.get(`/api/review/${link.token}`)
      if (response.status === 429) limited = response
    }
    expect(limited?.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(limited?.headers.get('x-robots-tag')).toBe('noindex')
  })
})
