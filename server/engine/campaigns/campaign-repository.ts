import { and, asc, count, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm'
import {
  RUNNING_STAGES,
  type ArtifactMetadata, type ArtifactType, type ArtifactVersionStatus, type CampaignBrief, type CampaignListQuery, type CampaignStage, type CampaignStatus,
  type ComplianceAuditResult, type ReviewDecision,
} from '#shared/campaign'
import type { BriefAnalysis } from '#shared/brief-contract'
import type { Database } from '../../db/database'
import { appendWithinCaps, type CapReached, type PerLinkCaps } from '../../db/append-within-caps'
import {
  artifactVersions, campaigns, complianceAudits, reviewFeedback,
  type ArtifactVersionRow, type CampaignRow, type ComplianceAuditRow, type ReviewFeedbackRow,
} from '../../db/schema'
import { isUuid } from '../../accounts/users-repository'
import { auditVerdict, campaignAndDetailColumns, campaignAndStateColumns, campaignStateColumns, type CampaignWithFeedback, type TakenCampaign } from './campaign-with-feedback'
import type { AuditVerdict, CampaignDetailState, CampaignState } from './campaign-state'
import { ownedBy } from './campaign-conditions'
import { isPublicId, newId } from './ids'
import type { SummaryRow } from './campaign-views'
import { RunStatements } from './run-statements'
import type { RunRequest } from './run-request'

export interface CampaignPatch {
  /** Only while no run is active (an edit of the brief), with the checks read from it. */
  brief?: CampaignBrief
  briefChecks?: BriefAnalysis
  status?: CampaignStatus
  stage?: CampaignStage | null
  statusReason?: string | null
  revisionNumber?: number
  runId?: string | null
  runRequest?: RunRequest | null
  completedAt?: Date | null
}

/** Conditions a claim checks in its own statement. */
export interface ClaimGuard {
  /** Only the owner's campaign (an id that is not a campaign's is refused without a statement). */
  ownerId?: string
  /** Statuses in which the campaign is not claimed. */
  unlessStatuses?: readonly CampaignStatus[]
  /**
   * With `ownerId`: only while the owner has fewer runs under way (InProgress, in a running stage)
   * than this, counted in the claim's own statement. Callers hold the owner's lock, so that two
   * claims cannot both count the same runs.
   */
  ownerRunsBelow?: number
}

export interface NewArtifactVersion {
  campaignId: string
  type: ArtifactType
  iteration: number
  content: string
  metadata: ArtifactMetadata
  agentName: string
  feedback: string[]
  tags: string[]
  runId: string | null
}

export interface NewReviewFeedback {
  campaignId: string
  linkId: string
  reviewerName: string
  decision: ReviewDecision
  comment: string
}

/** The most feedback one link, and one campaign across its links, may hold. */
export type ReviewFeedbackCaps = PerLinkCaps

export interface StoredReviewFeedback {
  row: ReviewFeedbackRow
  /** The campaign's posts, this one included. */
  campaignCount: number
}

/** Which cap a post would pass; nothing was stored. */
export type ReviewFeedbackCapReached = CapReached

/** The columns of a campaign's summary (SummaryRow). */
const summaryColumns = {
  id: campaigns.id,
  status: campaigns.status,
  stage: campaigns.stage,
  createdAt: campaigns.createdAt,
  updatedAt: campaigns.updatedAt,
  completedAt: campaigns.completedAt,
  theme: sql<string>`${campaigns.brief}->>'theme'`,
}

export interface VersionsPageQuery {
  /** Versions older than this one; the newest when absent. */
  before?: number
  limit: number
  /** The most written text (content, in bytes) a page holds, unless its first version alone is more. */
  textBytes: number
}

export interface VersionsPage {
  versions: ArtifactVersionRow[]
  /** Whether older versions than the page's last exist. */
  hasOlder: boolean
}

/**
 * What a run's executor holds: the campaign and the epoch it took with `takeRun`. A takeover raises
 * the epoch, so writes fenced by an older one are refused.
 */
export interface RunFence {
  campaignId: string
  epoch: number
}

/** An audit and what it judged: the versions it flagged (High issues) and those it passed. */
export interface JudgedAudit {
  result: ComplianceAuditResult
  flaggedIds: string[]
  passedIds: string[]
}

/** Namespace of the advisory locks that let one feedback post per campaign in at a time. */
const FEEDBACK_LOCK_SPACE = 7301

/** Campaigns, their artifact versions, audits and review feedback. All but campaigns are only ever appended. */
export class CampaignRepository {
  /** The snapshot and detail reads, built on first use (`ownedWithStateQuery`, `ownedWithDetailQuery`). */
  private ownedWithState: ReturnType<typeof ownedWithStateQuery> | undefined
  private ownedWithDetail: ReturnType<typeof ownedWithDetailQuery> | undefined
  /** The statements of a run, from its claim to its end, each prepared on first use. */
  private readonly runStatements: RunStatements

  constructor(private readonly db: Database) {
    this.runStatements = new RunStatements(db)
  }

  async create(ownerId: string, brief: CampaignBrief, briefChecks: BriefAnalysis): Promise<CampaignRow> {
    const [row] = await this.db.insert(campaigns).values({ id: newId('camp'), ownerId, brief, briefChecks, status: 'Created' }).returning()
    return row!
  }

  async find(id: string): Promise<CampaignRow | null> {
    if (!isPublicId('camp', id)) return null
    const [row] = await this.db.select().from(campaigns).where(eq(campaigns.id, id)).limit(1)
    return row ?? null
  }

  async findOwned(id: string, ownerId: string): Promise<CampaignRow | null> {
    if (!isPublicId('camp', id)) return null
    const [row] = await this.db.select().from(campaigns).where(ownedBy(id, ownerId)).limit(1)
    return row ?? null
  }

  /** The owner's campaign with what its detail shows (CampaignState), in one statement. */
  async findOwnedWithState(id: string, ownerId: string): Promise<(CampaignRow & CampaignState) | null> {
    if (!isPublicId('camp', id)) return null
    this.ownedWithState ??= ownedWithStateQuery(this.db)
    const [row] = await this.ownedWithState.execute({ id, ownerId })
    return row ?? null
  }

  /**
   * The owner's campaign with what its REST detail shows (CampaignDetailState), in one statement:
   * the versions' and the audit's bodies stay in the database, where the snapshot read carries them.
   */
  async findOwnedWithDetail(id: string, ownerId: string): Promise<(CampaignRow & CampaignDetailState) | null> {
    if (!isPublicId('camp', id)) return null
    this.ownedWithDetail ??= ownedWithDetailQuery(this.db)
    const [row] = await this.ownedWithDetail.execute({ id, ownerId })
    return row ?? null
  }

  /**
   * A page of the owner's campaigns as the list shows them: the columns of a summary only. A brief
   * and its checks at their limits are tens of kilobytes; a page of 100 read whole was megabytes
   * for the database to send and the server to copy, to show one field of each.
   */
  async list(ownerId: string, options: CampaignListQuery): Promise<{ rows: SummaryRow[], totalCount: number }> {
    const where = and(eq(campaigns.ownerId, ownerId), ...listFilters(options))
    const column = options.sort.endsWith('updated') ? campaigns.updatedAt : campaigns.createdAt
    const direction = options.sort.startsWith('-') ? desc : asc
    const [rows, [total]] = await Promise.all([
      this.db.select(summaryColumns).from(campaigns).where(where).orderBy(direction(column), direction(campaigns.id))
        .limit(options.pageSize).offset((options.page - 1) * options.pageSize),
      this.db.select({ value: count() }).from(campaigns).where(where),
    ])
    return { rows, totalCount: total?.value ?? 0 }
  }

  /**
   * Runs `work` in one transaction holding the campaign's row lock, with a repository bound to that
   * transaction: a run cannot be claimed (claimRun waits for the lock) and no other change under the
   * same lock interleaves until it commits. Null, without calling `work`, when the campaign is gone.
   */
  async withCampaignLocked<T>(id: string, work: (repository: CampaignRepository, row: CampaignRow) => Promise<T>): Promise<T | null> {
    return this.db.transaction(async (transaction) => {
      const [row] = await transaction.select().from(campaigns).where(eq(campaigns.id, id)).for('update')
      return row ? work(new CampaignRepository(transaction), row) : null
    })
  }

  async update(id: string, patch: CampaignPatch): Promise<CampaignRow | null> {
    const [row] = await this.db.update(campaigns).set({ ...patch, updatedAt: new Date() }).where(eq(campaigns.id, id)).returning()
    return row ?? null
  }

  /**
   * Moves a campaign into a run only if no run is active: the check and the write are one
   * statement, so two requests racing to start a run cannot both win. Returns the row with its
   * state, which the snapshot announcing the run shows. `guard` adds conditions to the same
   * statement (the owner, statuses that refuse a run), so a request needs no read before it.
   */
  async claimRun(id: string, notRunning: readonly CampaignStage[], patch: CampaignPatch, guard: ClaimGuard = {}): Promise<(CampaignRow & CampaignState) | null> {
    if (guard.ownerId !== undefined && !isPublicId('camp', id)) return null
    return this.runStatements.claim(id, notRunning, patch, guard)
  }

  /** Changes the campaign only while it is still in run `runId` and in one of `stages`: null when it moved on. */
  async updateRun(id: string, runId: string, stages: readonly CampaignStage[], patch: CampaignPatch): Promise<CampaignRow | null> {
    const [row] = await this.db.update(campaigns).set({ ...patch, updatedAt: new Date() })
      .where(and(eq(campaigns.id, id), eq(campaigns.runId, runId), eq(campaigns.status, 'InProgress'), inArray(campaigns.stage, [...stages])))
      .returning()
    return row ?? null
  }

  /**
   * An executor takes run `runId`: raises the run's epoch and applies `patch` while the run is still
   * current (not deleted, cancelled or replaced), in one statement that also reads what the run
   * starts from (its current versions and latest audit). The row's `runEpoch` is the executor's
   * fence; null when the run moved on.
   */
  async takeRun(id: string, runId: string, runningStages: readonly CampaignStage[], patch: CampaignPatch): Promise<TakenCampaign | null> {
    return this.runStatements.take(id, runId, runningStages, patch)
  }

  /** Changes the campaign only while `fence` holds: null when another executor took the run, or it was deleted. */
  async updateFenced(fence: RunFence, patch: CampaignPatch): Promise<CampaignWithFeedback | null> {
    return this.runStatements.updateFenced(fence, patch)
  }

  /** `appendVersion` while `fence` holds; null (nothing stored) when it does not. */
  async appendVersionFenced(fence: RunFence, version: NewArtifactVersion): Promise<ArtifactVersionRow | null> {
    return this.runStatements.appendVersionFenced(fence, version)
  }

  /** `appendJudgedAudit` while `fence` holds; null (nothing stored, no status changed) when it does not. */
  async appendJudgedAuditFenced(fence: RunFence, judged: JudgedAudit): Promise<ComplianceAuditRow | null> {
    return this.runStatements.appendJudgedAudit(fence.campaignId, fence, judged)
  }

  /**
   * Stores an audit and marks the versions it judged, flagged or passed, in one statement: both
   * only while the campaign is found, so both happen or neither.
   */
  async appendJudgedAudit(campaignId: string, judged: JudgedAudit): Promise<ComplianceAuditRow> {
    return (await this.runStatements.appendJudgedAudit(campaignId, null, judged))!
  }

  /** The owner's runs queued or under way, on every instance. */
  async countRuns(ownerId: string, runningStages: readonly CampaignStage[]): Promise<number> {
    const [total] = await this.db.select({ value: count() }).from(campaigns)
      .where(and(eq(campaigns.ownerId, ownerId), eq(campaigns.status, 'InProgress'), inArray(campaigns.stage, [...runningStages])))
    return total?.value ?? 0
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(campaigns).where(eq(campaigns.id, id))
  }

  /**
   * Runs a restart interrupted: InProgress in a running stage. Those already under way come first,
   * then the queued ones in the order they were queued, so each owner's line keeps its order.
   */
  async findInterrupted(runningStages: readonly CampaignStage[]): Promise<CampaignRow[]> {
    return this.db.select().from(campaigns)
      .where(and(eq(campaigns.status, 'InProgress'), inArray(campaigns.stage, [...runningStages])))
      .orderBy(sql`${campaigns.stage} = 'Queued'`, asc(campaigns.updatedAt), asc(campaigns.id))
  }

  /**
   * What the campaign's detail and snapshot show besides its row, in one statement (subqueries of a
   * SELECT of the row); the empty state when the campaign is gone.
   */
  async state(campaignId: string): Promise<CampaignState> {
    const [state] = await this.db.select(campaignStateColumns).from(campaigns).where(eq(campaigns.id, campaignId))
    return state ?? { current: [], audit: null, feedback: [], feedbackCount: 0 }
  }

  /** The newest version of each artifact type. */
  async currentVersions(campaignId: string): Promise<ArtifactVersionRow[]> {
    return this.db.selectDistinctOn([artifactVersions.type]).from(artifactVersions)
      .where(eq(artifactVersions.campaignId, campaignId))
      .orderBy(artifactVersions.type, desc(artifactVersions.iteration))
  }

  /**
   * A page of an artifact's versions, newest first, older than version `before` when given: up to
   * `limit`, and no more than fit in `textBytes` of written text (always at least one). An artifact
   * keeps up to 200 versions of up to a few hundred kilobytes each: read whole, a long history was
   * tens of megabytes for one request to read, copy and send while everything else waited. The sizes
   * are read first (PostgreSQL knows a text's length without reading it), then the page's rows.
   */
  async versionsPage(campaignId: string, type: ArtifactType, { before, limit, textBytes }: VersionsPageQuery): Promise<VersionsPage> {
    const sizes = await this.db.select({ id: artifactVersions.id, bytes: sql<number>`octet_length(${artifactVersions.content})`.mapWith(Number) })
      .from(artifactVersions)
      .where(and(
        eq(artifactVersions.campaignId, campaignId), eq(artifactVersions.type, type),
        before === undefined ? undefined : lt(artifactVersions.iteration, before),
      ))
      .orderBy(desc(artifactVersions.iteration))
      .limit(limit + 1)
    // The newest first, each while the page's text stays within the budget; the first whatever its size.
    const page: string[] = []
    let bytes = 0
    for (const { id, bytes: size } of sizes.slice(0, limit)) {
      if (page.length > 0 && bytes + size > textBytes) break
      page.push(id)
      bytes += size
    }
    const rows = page.length === 0 ? [] : await this.db.select().from(artifactVersions).where(inArray(artifactVersions.id, page)).orderBy(desc(artifactVersions.iteration))
    return { versions: rows, hasOlder: sizes.length > page.length }
  }

  /** Version `iteration` of the campaign's artifact of `type`; null when there is none. */
  async findIteration(campaignId: string, type: ArtifactType, iteration: number): Promise<ArtifactVersionRow | null> {
    const [row] = await this.db.select().from(artifactVersions)
      .where(and(eq(artifactVersions.campaignId, campaignId), eq(artifactVersions.type, type), eq(artifactVersions.iteration, iteration))).limit(1)
    return row ?? null
  }

  async findVersion(campaignId: string, versionId: string): Promise<ArtifactVersionRow | null> {
    if (!isPublicId('art', versionId)) return null
    const [row] = await this.db.select().from(artifactVersions)
      .where(and(eq(artifactVersions.campaignId, campaignId), eq(artifactVersions.id, versionId))).limit(1)
    return row ?? null
  }

  /** Appends a version; its iteration is one past the current version's (unique per campaign and type). */
  async appendVersion(version: NewArtifactVersion): Promise<ArtifactVersionRow> {
    const [row] = await this.db.insert(artifactVersions).values({ ...version, id: newId('art'), status: 'Generated' }).returning()
    return row!
  }

  async setVersionStatus(versionIds: string[], status: ArtifactVersionStatus, auditId?: string): Promise<void> {
    if (versionIds.length === 0) return
    await this.db.update(artifactVersions).set({ status, ...(auditId && { auditId }) }).where(inArray(artifactVersions.id, versionIds))
  }

  async latestAudit(campaignId: string): Promise<ComplianceAuditRow | null> {
    const [row] = await this.db.select().from(complianceAudits).where(eq(complianceAudits.campaignId, campaignId))
      .orderBy(desc(complianceAudits.createdAt), desc(complianceAudits.id)).limit(1)
    return row ?? null
  }

  async audits(campaignId: string, ids: string[]): Promise<ComplianceAuditRow[]> {
    if (ids.length === 0) return []
    return this.db.select().from(complianceAudits)
      .where(and(eq(complianceAudits.campaignId, campaignId), inArray(complianceAudits.id, ids)))
  }

  /** Each campaign's latest verdict and score, for a page of summaries: not the audits' issues and checks. */
  async latestVerdicts(ids: string[]): Promise<Map<string, AuditVerdict>> {
    if (ids.length === 0) return new Map()
    const rows = await this.db.selectDistinctOn([complianceAudits.campaignId], { campaignId: complianceAudits.campaignId, verdict: auditVerdict })
      .from(complianceAudits)
      .where(inArray(complianceAudits.campaignId, ids))
      .orderBy(complianceAudits.campaignId, desc(complianceAudits.createdAt), desc(complianceAudits.id))
    return new Map(rows.map(row => [row.campaignId, row.verdict]))
  }

  /** Appends feedback unless the link or the campaign holds all it may (`appendWithinCaps`). */
  async appendReviewFeedback(feedback: NewReviewFeedback, caps: ReviewFeedbackCaps): Promise<StoredReviewFeedback | ReviewFeedbackCapReached> {
    return appendWithinCaps(this.db, FEEDBACK_LOCK_SPACE, reviewFeedback, reviewFeedback, feedback, caps)
  }

  /**
   * Up to `limit` of the campaign's newest feedback posts, or of those older than the post `before`,
   * oldest first (the order they were given in); null when the campaign has no post `before`.
   */
  async reviewFeedback(campaignId: string, limit: number, before?: string): Promise<ReviewFeedbackRow[] | null> {
    const ofCampaign = eq(reviewFeedback.campaignId, campaignId)
    let older: SQL | undefined
    if (before !== undefined) {
      if (!isUuid(before)) return null
      const [cursor] = await this.db.select({ id: reviewFeedback.id }).from(reviewFeedback)
        .where(and(ofCampaign, eq(reviewFeedback.id, before))).limit(1)
      if (!cursor) return null
      // Compared in the database: its timestamps are finer than a JavaScript Date.
      older = sql`(${reviewFeedback.createdAt}, ${reviewFeedback.id}) < (SELECT "created_at", "id" FROM "review_feedback" WHERE "id" = ${before})`
    }
    const newestFirst = await this.db.select().from(reviewFeedback).where(and(ofCampaign, older))
      .orderBy(desc(reviewFeedback.createdAt), desc(reviewFeedback.id)).limit(limit)
    return newestFirst.reverse()
  }

  async countReviewFeedback(campaignId: string): Promise<number> {
    const [total] = await this.db.select({ value: count() }).from(reviewFeedback).where(eq(reviewFeedback.campaignId, campaignId))
    return total?.value ?? 0
  }
}

/** The list's status, stage and search conditions; the search is a literal substring of theme or product. */
function listFilters({ status, stage, q }: Pick<CampaignListQuery, 'status' | 'stage' | 'q'>): Array<SQL | undefined> {
  const pattern = q ? `%${q.replace(/[\\%_]/g, character => `\\${character}`)}%` : null
  return [
    status ? eq(campaigns.status, status) : undefined,
    stage === 'Running' ? and(eq(campaigns.status, 'InProgress'), inArray(campaigns.stage, [...RUNNING_STAGES])) : stage ? eq(campaigns.stage, stage) : undefined,
    pattern ? or(sql`${campaigns.brief}->>'theme' ILIKE ${pattern} ESCAPE '\\'`, sql`${campaigns.brief}->>'product' ILIKE ${pattern} ESCAPE '\\'`) : undefined,
  ]
}

/**
 * Every hub snapshot runs this read, and every REST detail the next: each built once per repository
 * (on first use, as repositories bound to a transaction never run them), as building their SQL took
 * about 0.3 ms a time.
 */
function ownedWithStateQuery(db: Database) {
  return db.select(campaignAndStateColumns).from(campaigns)
    .where(ownedBy(sql.placeholder('id'), sql.placeholder('ownerId')))
    .limit(1)
    .prepare('campaigns_find_owned_with_state')
}

function ownedWithDetailQuery(db: Database) {
  return db.select(campaignAndDetailColumns).from(campaigns)
    .where(ownedBy(sql.placeholder('id'), sql.placeholder('ownerId')))
    .limit(1)
    .prepare('campaigns_find_owned_with_detail')
}
