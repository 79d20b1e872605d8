import { defineEventHandler, setResponseStatus } from 'h3'
import { createReviewLinkSchema } from '#shared/campaign'
import { readValidatedJson } from '../../../../http/read-validated-body'
import { reviewSharingRequest } from '../../../../http/review-request'

export default defineEventHandler(async (event) => {
  const { userId, campaignId, sharing } = await reviewSharingRequest(event)
  const input = await readValidatedJson(event, createReviewLinkSchema)
  const created = await sharing.create(userId, campaignId, input)
  setResponseStatus(event, 201)
  return created
})
