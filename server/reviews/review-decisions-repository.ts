import { and, asc, eq, isNull } from 'drizzle-orm'
import type { ArtifactType, Platform, ReviewDecision } from '#shared/campaign'
import { isUuid } from '../accounts/users-repository'
import { appendWithinCaps, type CapReached, type PerLinkCaps } from '../db/append-within-caps'
import type { Database } from '../db/database'
import { reviewDecisions, type ReviewDecisionRow } from '../db/schema'

export interface NewReviewDecision {
  campaignId: string
  linkId: string
  reviewerName: string
  decision: ReviewDecision
  comment: string
  quote: string
  artifactType: ArtifactType
  platform: Platform | null
  postIndex: number | null
  artifactVersion: number
}

/** Namespace of the advisory locks that let one decision per campaign in at a time (feedback posts use 7301). */
const DECISION_LOCK_SPACE = 7302

/** Reviewers' per-item decisions: appended within caps, read whole, resolved once by the owner. */
export class ReviewDecisionsRepository {
  constructor(private readonly db: Database) {}

  append(decision: NewReviewDecision, caps: PerLinkCaps): Promise<{ row: ReviewDecisionRow, campaignCount: number } | CapReached> {
    return appendWithinCaps(this.db, DECISION_LOCK_SPACE, reviewDecisions, reviewDecisions, decision, caps)
  }

  /** Every decision on the campaign, oldest first: the caps keep the list short. */
  listForCampaign(campaignId: string): Promise<ReviewDecisionRow[]> {
    return this.db.select().from(reviewDecisions).where(eq(reviewDecisions.campaignId, campaignId))
      .orderBy(asc(reviewDecisions.createdAt), asc(reviewDecisions.id))
  }

  /**
   * Marks the decision resolved at `now`, once: resolving it again keeps the first time. Null when
   * the campaign has no such decision.
   */
  async resolve(campaignId: string, id: string, now: Date): Promise<ReviewDecisionRow | null> {
    if (!isUuid(id)) return null
    const ofCampaign = and(eq(reviewDecisions.id, id), eq(reviewDecisions.campaignId, campaignId))
    const [updated] = await this.db.update(reviewDecisions).set({ resolvedAt: now })
      .where(and(ofCampaign, isNull(reviewDecisions.resolvedAt))).returning()
    if (updated) return updated
    const [existing] = await this.db.select().from(reviewDecisions).where(ofCampaign).limit(1)
    return existing ?? null
  }
}
