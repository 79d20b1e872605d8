import { defineEventHandler, setResponseStatus } from 'h3'
import { reviewFeedbackSchema } from '#shared/campaign'
import { readValidatedJson } from '../../../http/read-validated-body'
import { reviewerRequest } from '../../../http/review-request'

export default defineEventHandler(async (event) => {
  const { token, reviewer } = await reviewerRequest(event)
  const input = await readValidatedJson(event, reviewFeedbackSchema)
  const feedback = await reviewer.giveFeedback(token, input)
  setResponseStatus(event, 201)
  return feedback
})
