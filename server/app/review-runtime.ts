import { ReviewerService } from '../reviews/reviewer-service'
import { ReviewSharing } from '../reviews/review-sharing'
import { useCampaignEngine } from './campaign-runtime'
import { closeConnectionsOpenedWith } from './hub-credential-revocation'
import { useAppServices } from './services'

export interface Reviews {
  sharing: ReviewSharing
  reviewer: ReviewerService
}

let reviews: Promise<Reviews> | undefined

export function useReviews(): Promise<Reviews> {
  reviews ??= Promise.all([useAppServices(), useCampaignEngine()]).then(([services, engine]) => ({
    sharing: new ReviewSharing(engine.service, services.reviewLinks, linkId => closeConnectionsOpenedWith('review-link', new Set([linkId]))),
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
