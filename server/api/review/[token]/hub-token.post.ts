import type { HubTokenResponse } from '#shared/types/account'
import { defineEventHandler } from 'h3'
import { hubUrl } from '../../../http/hub-url'
import { reviewerRequest } from '../../../http/review-request'

export default defineEventHandler(async (event): Promise<HubTokenResponse> => {
  const { token, reviewer } = await reviewerRequest(event)
  const { accessToken, expiresAt } = await reviewer.hubToken(token)
  return { accessToken, expiresAt: expiresAt.toISOString(), url: await hubUrl(event) }
})
