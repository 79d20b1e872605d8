import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerUser } from '../../support/api-client'
import { startApp, type RunningApp } from '../../support/app-server'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import { createCampaign } from '../../support/campaigns'
import { getFromAddress, type AddressedResponse } from '../../support/from-address'
import { createReviewLink } from '../../support/review-hub'

const LIMIT = 8
const GUESSER = '127.0.0.2'
const REVIEWER = '127.0.0.1'

/** A page render reads the review API in-process; that read must count against the visitor. */
describe('review pages rendered on the server', () => {
  let app: RunningApp
  let reviewUrl: string
  let limited: AddressedResponse | undefined
  beforeAll(async () => {
    app = await startApp({ RATE_LIMIT_PER_MINUTE: String(LIMIT) })
    const owner = await registerUser(app.url)
    reviewUrl = (await createReviewLink(owner.client, await createCampaign(owner.client))).url
  })
  afterAll(() => app?.stop())

  it('charge the visitor who opens them: guessing links from one address leaves another address\'s review page alone', async () => {
    for (let guess = 0; guess <= LIMIT && !limited; guess++) {
      const page = await getFromAddress(`${app.url}/review/map_rvw_made-up-${guess}`, GUESSER)
      if (page.status === 429) limited = page
      else expect(page.status).toBe(404)
    }
    expect(limited, `no 429 after ${LIMIT + 1} guesses`).toBeDefined()

    const review = await getFromAddress(`${app.url}${reviewUrl}`, REVIEWER)
    expect(review.status).toBe(200)
    expect(review.body).toContain(SAMPLE_BRIEF.theme)
  })

  it('answer a visitor over the budget with "too many requests" and when to retry, never a dead link', () => {
    const retryAfter = String(limited?.headers['retry-after'])
    expect(retryAfter).toMatch(/^\d+$/)
    expect(limited?.body).toMatch(/Too many requests/)
    expect(limited?.body).toContain(`try again in ${retryAfter} s`)
    expect(limited?.body).not.toMatch(/no longer valid/i)
  })
})
