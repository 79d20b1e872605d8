import { and, desc, eq, exists, gt, inArray, isNotNull, isNull, lt, lte, not, or, sql } from 'drizzle-orm'
import type { Database } from '../db/database'
import { insertUnderCap } from '../db/insert-under-cap'
import { reviewDecisions, reviewFeedback, reviewLinks, type ReviewLinkRow } from '../db/schema'
import { isUuid } from '../accounts/users-repository'

export interface NewReviewLink {
  campaignId: string
  tokenHash: string
  allowFeedback: boolean
  expiresAt: Date
}

/** Namespace of the advisory locks that let one link per campaign in at a time. */
const REVIEW_LINK_LOCK_SPACE = 7304

const usableAt = (now: Date) => and(isNull(reviewLinks.revokedAt), gt(reviewLinks.expiresAt, now))

export class ReviewLinksRepository {
  constructor(private readonly db: Database) {}

  /**
   * Saves a link unless the campaign already has `cap`; null then. Links that open nothing any more
   * (revoked or expired at `now`) and carried no feedback and no decision are deleted first: nothing
   * refers to them, and their room goes to the new link. The rest stay, so feedback keeps its source.
   */
  async create(link: NewReviewLink, cap: number, now: Date): Promise<ReviewLinkRow | null> {
    const { campaignId } = link
    const scope = { table: reviewLinks, lockSpace: REVIEW_LINK_LOCK_SPACE, key: campaignId, counted: eq(reviewLinks.campaignId, campaignId), cap }
    const carried = (table: typeof reviewFeedback | typeof reviewDecisions) => exists(this.db.select({ one: sql`1` }).from(table)
      .where(and(eq(table.campaignId, campaignId), eq(table.linkId, reviewLinks.id))))
    return insertUnderCap(this.db, scope, link, transaction => transaction.delete(reviewLinks).where(and(
      eq(reviewLinks.campaignId, campaignId),
      or(isNotNull(reviewLinks.revokedAt), lte(reviewLinks.expiresAt, now)),
      not(carried(reviewFeedback)),
      not(carried(reviewDecisions)),
    )))
  }

  /** The campaign's links, newest first, revoked and expired ones included: the owner sees the whole story. */
  async listForCampaign(campaignId: string): Promise<ReviewLinkRow[]> {
    return this.db.select().from(reviewLinks).where(eq(reviewLinks.campaignId, campaignId))
      .orderBy(desc(reviewLinks.createdAt), desc(reviewLinks.id))
  }

  /** The link whose secret hashes to `tokenHash`, when it is neither revoked nor expired at `now`. */
  async findUsableByHash(tokenHash: string, now: Date): Promise<ReviewLinkRow | null> {
    const [row] = await this.db.select().from(reviewLinks)
      .where(and(eq(reviewLinks.tokenHash, tokenHash), usableAt(now))).limit(1)
    return row ?? null
  }

  /** Which of `ids` are still usable at `now`. */
  async usableIds(ids: string[], now: Date): Promise<Set<string>> {
    const candidates = ids.filter(isUuid)
    if (candidates.length === 0) return new Set()
    const rows = await this.db.select({ id: reviewLinks.id }).from(reviewLinks)
      .where(and(inArray(reviewLinks.id, candidates), usableAt(now)))
    return new Set(rows.map(row => row.id))
  }

  /** False when the campaign has no such unrevoked link. Revoked links stay, so their feedback keeps its source. */
  async revoke(campaignId: string, linkId: string, now: Date): Promise<boolean> {
    if (!isUuid(linkId)) return false
    const rows = await this.db.update(reviewLinks)
      .set({ revokedAt: now })
      .where(and(eq(reviewLinks.id, linkId), eq(reviewLinks.campaignId, campaignId), isNull(reviewLinks.revokedAt)))
      .returning({ id: reviewLinks.id })
    return rows.length === 1
  }

  /** Records a use, at most once per `granularityMs`, so a reviewer's page does not write on every request. */
  async touchLastUsed(linkId: string, now: Date, granularityMs: number): Promise<void> {
    await this.db.update(reviewLinks)
      .set({ lastUsedAt: now })
      .where(and(
        eq(reviewLinks.id, linkId),
        or(isNull(reviewLinks.lastUsedAt), lt(reviewLinks.lastUsedAt, new Date(now.getTime() - granularityMs))),
      ))
  }
}
