import { defineEventHandler } from 'h3'
import { reviewerRequest } from '../../../http/review-request'

export default defineEventHandler(async (event) => {
  const { token, reviewer } = await reviewerRequest(event)
  return reviewer.view(token)
})
