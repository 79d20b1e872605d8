import type { ReviewDecisionFields, ReviewFeedback, ReviewFeedbackFields, ReviewItemDecision, ReviewView } from '#shared/campaign'
import type { ReviewFeedbackCaps } from '../engine/campaigns/campaign-repository'
import type { CampaignService } from '../engine/campaigns/campaign-service'
import type { RateLimiter } from '../rate-limit/rate-limiter'
import type { HubTokenIssuer, IssuedHubToken } from '../tokens/hub-token-issuer'
import { ReviewFeedbackNotAllowedError, ReviewFeedbackRateLimitedError } from './review-errors'
import type { ReviewDecisionService } from './review-decision-service'
import type { ReviewLinkService } from './review-link-service'
import type { ReviewLinkRow } from '../db/schema'

/**
 * What a reviewer can do with a link's secret, and nothing more: read the campaign, follow it
 * live, and (when the owner allowed it) leave feedback. Every call checks the link afresh.
 */
export class ReviewerService {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly links: ReviewLinkService,
    private readonly hubTokens: HubTokenIssuer,
    private readonly feedbackLimits: { caps: ReviewFeedbackCaps, perLinkPerMinute: RateLimiter },
    private readonly decisions: ReviewDecisionService,
  ) {}

  async view(token: string): Promise<ReviewView> {
    const link = await this.links.resolve(token)
    const [campaign, decisions] = await Promise.all([this.campaigns.reviewSnapshot(link.campaignId), this.decisions.forReview(link.campaignId)])
    return { campaign, allowFeedback: link.allowFeedback, expiresAt: link.expiresAt.toISOString(), feedback: campaign.reviewFeedback, decisions }
  }

  /** A hub token for this campaign alone, which never outlives the link. */
  async hubToken(token: string): Promise<IssuedHubToken> {
    const link = await this.links.resolve(token)
    return this.hubTokens.issueForReview({ linkId: link.id, campaignId: link.campaignId }, link.expiresAt)
  }

  async giveFeedback(token: string, input: ReviewFeedbackFields): Promise<ReviewFeedback> {
    const link = await this.linkTakingFeedback(token)
    return this.campaigns.addReviewFeedback({ campaignId: link.campaignId, linkId: link.id, ...input }, this.feedbackLimits.caps)
  }

  /** A decision on one item: the same permission and per-minute budget as feedback on the whole campaign. */
  async decide(token: string, input: ReviewDecisionFields): Promise<ReviewItemDecision> {
    return this.decisions.decide(await this.linkTakingFeedback(token), input)
  }

  private async linkTakingFeedback(token: string): Promise<ReviewLinkRow> {
    const link = await this.links.resolve(token)
    if (!link.allowFeedback) throw new ReviewFeedbackNotAllowedError()
    // Per link, not per address: one link's reviewers share it, and a link cannot borrow another's budget.
    const rate = await this.feedbackLimits.perLinkPerMinute.consume(`review-feedback:${link.id}`)
    if (!rate.allowed) throw new ReviewFeedbackRateLimitedError(rate.limit, rate.retryAfterSeconds)
    return link
  }
}
