import { defineEventHandler, getRouterParam, sendNoContent } from 'h3'
import { reviewSharingRequest } from '../../../../http/review-request'

export default defineEventHandler(async (event) => {
  const { userId, campaignId, sharing } = await reviewSharingRequest(event)
  await sharing.revoke(userId, campaignId, getRouterParam(event, 'linkId') ?? '')
  return sendNoContent(event, 204)
})
