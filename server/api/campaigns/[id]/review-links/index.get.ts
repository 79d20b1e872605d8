import { defineEventHandler } from 'h3'
import { reviewSharingRequest } from '../../../../http/review-request'

export default defineEventHandler(async (event) => {
  const { userId, campaignId, sharing } = await reviewSharingRequest(event)
  return { campaignId, links: await sharing.list(userId, campaignId) }
})
