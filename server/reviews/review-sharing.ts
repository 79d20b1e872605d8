import type { CreatedReviewLink, ReviewLinkSummary } from '#shared/campaign'
import type { CampaignService } from '../engine/campaigns/campaign-service'
import type { ReviewLinkService } from './review-link-service'

/** The owner's side of review links: only the campaign's owner creates, lists or revokes them. */
export class ReviewSharing {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly links: ReviewLinkService,
    /** Ends whatever a revoked link still has open (its live hub connections, on every instance). */
    private readonly onRevoked: (linkId: string) => Promise<unknown>,
  ) {}

  async create(ownerId: string, campaignId: string, input: { expiresInHours: number, allowFeedback: boolean }): Promise<CreatedReviewLink> {
    await this.campaigns.assertOwned(ownerId, campaignId)
    return this.links.create(campaignId, input)
  }

  async list(ownerId: string, campaignId: string): Promise<ReviewLinkSummary[]> {
    await this.campaigns.assertOwned(ownerId, campaignId)
    return this.links.list(campaignId)
  }

  async revoke(ownerId: string, campaignId: string, linkId: string): Promise<void> {
    await this.campaigns.assertOwned(ownerId, campaignId)
    await this.links.revoke(campaignId, linkId)
    await this.onRevoked(linkId)
  }
}
