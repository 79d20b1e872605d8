import { HubCampaignEvents } from '../hubs/hub-campaign-events'
import { ReviewDecisionService } from '../reviews/review-decision-service'
import { ReviewDecisionsRepository } from '../reviews/review-decisions-repository'
import { ReviewerService } from '../reviews/reviewer-service'
import { ReviewSharing } from '../reviews/review-sharing'
import { campaignEndpoint, useCampaignEngine } from './campaign-runtime'
import { closeConnectionsOpenedWith } from './hub-credential-revocation'
import { useAppServices } from './services'

export interface Reviews {
  sharing: ReviewSharing
  reviewer: ReviewerService
  decisions: ReviewDecisionService
}

let reviews: Promise<Reviews> | undefined

export function useReviews(): Promise<Reviews> {
  reviews ??= Promise.all([useAppServices(), useCampaignEngine()]).then(([services, engine]) => {
    const decisions = new ReviewDecisionService(
      engine, new ReviewDecisionsRepository(services.database.db), new HubCampaignEvents(campaignEndpoint.clients), services.config.reviewDecisions,
    )
    return {
      sharing: new ReviewSharing(engine.service, services.reviewLinks, linkId => closeConnectionsOpenedWith('review-link', new Set([linkId]))),
      reviewer: new ReviewerService(engine.service, services.reviewLinks, services.hubTokens, {
        caps: services.config.reviewFeedback,
        perLinkPerMinute: services.reviewFeedbackRateLimiter,
      }, decisions),
      decisions,
    }
  }).catch((error) => {
    reviews = undefined
    throw error
  })
  return reviews
}
