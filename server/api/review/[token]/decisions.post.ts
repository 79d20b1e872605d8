import { defineEventHandler, setResponseStatus } from 'h3'
import { reviewDecisionSchema } from '#shared/campaign'
import { readValidatedJson } from '../../../http/read-validated-body'
import { reviewerRequest } from '../../../http/review-request'

export default defineEventHandler(async (event) => {
  const { token, reviewer } = await reviewerRequest(event)
  const input = await readValidatedJson(event, reviewDecisionSchema)
  const decision = await reviewer.decide(token, input)
  setResponseStatus(event, 201)
  return decision
})
