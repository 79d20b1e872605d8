import { getRouterParam, type H3Event } from 'h3'
import { useReviews } from '../app/review-runtime'
import type { ReviewDecisionService } from '../reviews/review-decision-service'
import type { ReviewerService } from '../reviews/reviewer-service'
import type { ReviewSharing } from '../reviews/review-sharing'
import { requireCurrentUser } from '../utils/current-user'

/** What every reviewer endpoint starts with: the link's secret from the path, and the service. No sign-in. */
export async function reviewerRequest(event: H3Event): Promise<{ token: string, reviewer: ReviewerService }> {
  return { token: getRouterParam(event, 'token') ?? '', reviewer: (await useReviews()).reviewer }
}

/** What the owner's review-link endpoints start with: the signed-in owner, the campaign id and the service. */
export async function reviewSharingRequest(event: H3Event): Promise<{ userId: string, campaignId: string, sharing: ReviewSharing }> {
  const user = await requireCurrentUser(event)
  return { userId: user.id, campaignId: getRouterParam(event, 'id') ?? '', sharing: (await useReviews()).sharing }
}

/** What the owner's decision endpoints start with: the signed-in owner, the campaign id and the service. */
export async function reviewDecisionsRequest(event: H3Event): Promise<{ userId: string, campaignId: string, decisions: ReviewDecisionService }> {
  const user = await requireCurrentUser(event)
  return { userId: user.id, campaignId: getRouterParam(event, 'id') ?? '', decisions: (await useReviews()).decisions }
}
