import { defineEventHandler, getRouterParam } from 'h3'
import { reviewDecisionsRequest } from '../../../../../http/review-request'

export default defineEventHandler(async (event) => {
  const { userId, campaignId, decisions } = await reviewDecisionsRequest(event)
  return decisions.resolve(userId, campaignId, getRouterParam(event, 'decisionId') ?? '')
})
