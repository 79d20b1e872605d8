import { ReviewerService } from '../reviews/reviewer-service'
import { reviewScopeOf } from '../reviews/review-principal'
import { ReviewSharing } from '../reviews/review-sharing'
import { campaignEndpoint, useCampaignEngine } from './campaign-runtime'
import { useAppServices } from './services'

export interface Reviews {
  sharing: ReviewSharing
  reviewer: ReviewerService
}

/** Told to a reviewer whose link stopped working while they watched. */
export const REVIEW_LINK_CLOSED = 'The review link is no longer valid.'

/** Closes every hub connection opened with one of `linkIds`. */
export function closeReviewConnections(linkIds: ReadonlySet<string>): number {
  return campaignEndpoint.closeConnections((connection) => {
    const scope = reviewScopeOf(connection.principal)
    return scope !== null && linkIds.has(scope.linkId)
  }, REVIEW_LINK_CLOSED)
}

/**
 * Closes the connections of links that expired (or were revoked elsewhere) since they connected:
 * hub tokens are only checked when a connection opens.
 */
export async function closeLapsedReviewConnections(): Promise<number> {
  const open = new Set(campaignEndpoint.principals().flatMap(principal => reviewScopeOf(principal)?.linkId ?? []))
  if (open.size === 0) return 0
  const usable = await (await useAppServices()).reviewLinks.usable([...open])
  return closeReviewConnections(new Set([...open].filter(id => !usable.has(id))))
}

let reviews: Promise<Reviews> | undefined

export function useReviews(): Promise<Reviews> {
  reviews ??= Promise.all([useAppServices(), useCampaignEngine()]).then(([services, engine]) => ({
    sharing: new ReviewSharing(engine.service, services.reviewLinks, linkId => closeReviewConnections(new Set([linkId]))),
    reviewer: new ReviewerService(engine.service, services.reviewLinks, services.hubTokens, {
      caps: services.config.reviewFeedback,
      perLinkPerMinute: services.reviewFeedbackRateLimiter,
    }),
  })).catch((error) => {
    reviews = undefined
    throw error
  })
  return reviews
}
