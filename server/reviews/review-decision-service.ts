import type { ReviewDecisionFields, ReviewItemDecision } from '#shared/campaign'
import { quotesText, reviewItemText } from '#shared/utils/review-item-text'
import type { PerLinkCaps } from '../db/append-within-caps'
import type { ReviewDecisionRow } from '../db/schema'
import { CampaignNotFoundError, CampaignResourceNotFoundError, ReviewFeedbackLimitError } from '../engine/campaigns/campaign-errors'
import type { CampaignRepository } from '../engine/campaigns/campaign-repository'
import type { CampaignService } from '../engine/campaigns/campaign-service'
import type { CampaignEvents } from '../engine/orchestrator/campaign-events'
import { ReviewItemMismatchError } from './review-errors'
import type { ReviewDecisionsRepository } from './review-decisions-repository'

/**
 * Reviewers' decisions on single items, each bound to the version it judged: stored within the
 * caps, announced to the campaign's watchers, and resolved by the owner alone.
 */
export class ReviewDecisionService {
  constructor(
    private readonly campaigns: { repository: CampaignRepository, service: CampaignService },
    private readonly decisions: ReviewDecisionsRepository,
    private readonly events: CampaignEvents,
    private readonly caps: PerLinkCaps,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Stores a decision the link's reviewer made; the caller has checked the link may give feedback. */
  async decide(link: { id: string, campaignId: string }, input: ReviewDecisionFields): Promise<ReviewItemDecision> {
    const campaign = await this.campaigns.repository.find(link.campaignId)
    if (!campaign) throw new CampaignNotFoundError(link.campaignId)
    const version = await this.campaigns.repository.findIteration(link.campaignId, input.artifactType, input.version)
    if (!version) throw new ReviewItemMismatchError('version', `This campaign has no version ${input.version} of ${input.artifactType}.`)
    const text = reviewItemText(version, input)
    if (text === undefined) throw new ReviewItemMismatchError('postIndex', `Version ${input.version} has no such ${input.platform} post.`)
    if (input.quote !== '' && !quotesText(text, input.quote)) throw new ReviewItemMismatchError('quote', 'Quote words of this item as it reads in that version.')
    const { version: artifactVersion, ...fields } = input
    const stored = await this.decisions.append({ ...fields, campaignId: link.campaignId, linkId: link.id, artifactVersion }, this.caps)
    if ('capReached' in stored) {
      throw new ReviewFeedbackLimitError({ of: stored.capReached, limit: stored.capReached === 'link' ? this.caps.perLink : this.caps.perCampaign }, 'decisions')
    }
    const decision = toReviewItemDecision(stored.row)
    this.events.reviewDecisionChanged(campaign.ownerId, { campaignId: campaign.id, decision })
    return decision
  }

  /** Every decision on a campaign, for a reviewer whose link names it. */
  async forReview(campaignId: string): Promise<ReviewItemDecision[]> {
    return (await this.decisions.listForCampaign(campaignId)).map(toReviewItemDecision)
  }

  async list(ownerId: string, campaignId: string): Promise<ReviewItemDecision[]> {
    await this.campaigns.service.assertOwned(ownerId, campaignId)
    return this.forReview(campaignId)
  }

  /** The owner marks a decision dealt with; resolving it again changes nothing. */
  async resolve(ownerId: string, campaignId: string, decisionId: string): Promise<ReviewItemDecision> {
    await this.campaigns.service.assertOwned(ownerId, campaignId)
    const row = await this.decisions.resolve(campaignId, decisionId, this.now())
    if (!row) throw new CampaignResourceNotFoundError(`Review decision '${decisionId}' was not found in this campaign.`)
    const decision = toReviewItemDecision(row)
    this.events.reviewDecisionChanged(ownerId, { campaignId, decision })
    return decision
  }
}

export function toReviewItemDecision(row: ReviewDecisionRow): ReviewItemDecision {
  return {
    id: row.id,
    reviewerName: row.reviewerName,
    decision: row.decision,
    comment: row.comment,
    quote: row.quote,
    artifactType: row.artifactType,
    platform: row.platform,
    postIndex: row.postIndex,
    version: row.artifactVersion,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  }
}
