import type { CreatedReviewLink, ReviewLinkSummary } from '#shared/campaign'
import type { ReviewLinkRow } from '../db/schema'
import { hashTokenSecret } from '../tokens/token-secret'
import { ReviewLinkInvalidError, ReviewLinkLimitError, ReviewLinkNotFoundError } from './review-errors'
import { generateReviewToken, looksLikeReviewToken, reviewUrl } from './review-link-token'
import type { ReviewLinksRepository } from './review-links-repository'

const HOUR_MS = 60 * 60_000
/** Review links one campaign may have: live ones, and ended ones that carried feedback or decisions. */
export const MAX_REVIEW_LINKS_PER_CAMPAIGN = 100
/** "Last used" is precise to a minute, like personal access tokens'. */
const LAST_USED_GRANULARITY_MS = 60_000

/**
 * The links themselves: issuing, listing, revoking, and telling whether a secret or a link id still
 * opens anything. Who may manage a campaign's links is decided by the caller.
 */
export class ReviewLinkService {
  constructor(
    private readonly links: ReviewLinksRepository,
    private readonly maxPerCampaign = MAX_REVIEW_LINKS_PER_CAMPAIGN,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(campaignId: string, input: { expiresInHours: number, allowFeedback: boolean }): Promise<CreatedReviewLink> {
    const token = generateReviewToken()
    const now = this.now()
    const row = await this.links.create({
      campaignId,
      tokenHash: hashTokenSecret(token),
      allowFeedback: input.allowFeedback,
      expiresAt: new Date(now.getTime() + input.expiresInHours * HOUR_MS),
    }, this.maxPerCampaign, now)
    if (!row) throw new ReviewLinkLimitError(this.maxPerCampaign)
    return { id: row.id, url: reviewUrl(token), token, expiresAt: row.expiresAt.toISOString() }
  }

  async list(campaignId: string): Promise<ReviewLinkSummary[]> {
    return (await this.links.listForCampaign(campaignId)).map(toSummary)
  }

  async revoke(campaignId: string, linkId: string): Promise<void> {
    if (!await this.links.revoke(campaignId, linkId, this.now())) throw new ReviewLinkNotFoundError()
  }

  /** The link a reviewer's secret opens, recording the use; ReviewLinkInvalidError otherwise. */
  async resolve(token: string): Promise<ReviewLinkRow> {
    const now = this.now()
    const link = looksLikeReviewToken(token) ? await this.links.findUsableByHash(hashTokenSecret(token), now) : null
    if (!link) throw new ReviewLinkInvalidError()
    await this.links.touchLastUsed(link.id, now, LAST_USED_GRANULARITY_MS)
    return link
  }

  async isUsable(linkId: string): Promise<boolean> {
    return (await this.links.usableIds([linkId], this.now())).has(linkId)
  }

  /** Which of `linkIds` are still usable: one query for every open review connection. */
  usable(linkIds: string[]): Promise<Set<string>> {
    return this.links.usableIds(linkIds, this.now())
  }
}

function toSummary(row: ReviewLinkRow): ReviewLinkSummary {
  return {
    id: row.id,
    allowFeedback: row.allowFeedback,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }
}
