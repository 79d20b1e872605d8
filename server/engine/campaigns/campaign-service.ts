import {
  ARTIFACT_TYPES, RUNNING_STAGES, VERSIONS_PAGE_TEXT_BYTES,
  type ArtifactType, type ArtifactVersion, type ArtifactVersionsPage, type CampaignArtifact, type CampaignBrief, type CampaignDetail, type CampaignListQuery, type CampaignPage,
  type CampaignStage, type CampaignStatusSnapshot, type ComplianceAuditResult, type ReviewFeedback,
  type ReviewFeedbackPage, type ReviewFeedbackQuery, type runAcceptedSchema, type VersionsQuery,
} from '#shared/campaign'
import { analyzeBrief, type BriefAnalysis } from '#shared/brief-contract'
import type { z } from '#shared/schemas/zod'
import type { CampaignRow } from '../../db/schema'
import type { CampaignEvents } from '../orchestrator/campaign-events'
import type { RunScheduler } from '../orchestrator/run-scheduler'
import { CampaignConflictError, CampaignNotFoundError, CampaignResourceNotFoundError, ReviewFeedbackLimitError } from './campaign-errors'
import type { CampaignRepository, ClaimGuard, NewReviewFeedback, ReviewFeedbackCaps } from './campaign-repository'
import { detailStateOf, EMPTY_CAMPAIGN_STATE, loadCampaignState, type CampaignState } from './campaign-state'
import { toArtifact, toDetail, toReviewFeedback, toSnapshot, toSummary, toVersion } from './campaign-views'
import type { RunRequest } from './run-request'
import { announceStatus } from './status-announcer'

/** The 202 answer to generate, revise and regenerate, as the API documents it. */
export type RunAccepted = z.output<typeof runAcceptedSchema>

const isRunning = (row: CampaignRow) => RUNNING_STAGES.includes(row.stage as CampaignStage)

/** A claim refused because a run holds the campaign. */
function alreadyGenerating(): never {
  throw new CampaignConflictError('The campaign is already being generated.')
}

/**
 * Everything a marketer can do to a campaign, for its owner only: another user's campaign
 * is "not found", never "forbidden", so ids reveal nothing.
 */
export class CampaignService {
  constructor(
    private readonly repository: CampaignRepository,
    private readonly runner: RunScheduler,
    private readonly events: CampaignEvents,
    private readonly estimatedRunMs: number,
    /** With a language model: turns lines the analyzer did not understand into checks, marked as the model's. */
    private readonly interpretLines: (analysis: BriefAnalysis) => Promise<BriefAnalysis> = async analysis => analysis,
  ) {}

  async create(ownerId: string, brief: CampaignBrief): Promise<CampaignDetail> {
    const row = await this.repository.create(ownerId, brief, await this.interpretLines(analyzeBrief(brief)))
    await announceStatus(this.repository, this.events, row)
    return toDetail(row, detailStateOf(EMPTY_CAMPAIGN_STATE))
  }

  async get(ownerId: string, id: string): Promise<CampaignDetail> {
    const row = await this.repository.findOwnedWithDetail(id, ownerId)
    if (!row) throw new CampaignNotFoundError(id)
    return toDetail(row, row)
  }

  async list(ownerId: string, query: CampaignListQuery): Promise<CampaignPage> {
    const { rows, totalCount } = await this.repository.list(ownerId, query)
    const verdicts = await this.repository.latestVerdicts(rows.map(row => row.id))
    return {
      items: rows.map(row => toSummary(row, verdicts.get(row.id) ?? null)),
      totalCount,
      page: query.page,
      pageSize: query.pageSize,
      totalPages: Math.ceil(totalCount / query.pageSize),
    }
  }

  /**
   * Replaces the brief and the checks read from it, while no run is active. The versions written for
   * the old brief stay; the campaign is back to Created, so Generate writes for the new one.
   */
  async editBrief(ownerId: string, id: string, brief: CampaignBrief): Promise<CampaignDetail> {
    await this.owned(ownerId, id)
    // Under the row lock a run cannot be claimed between the check and the write.
    const edited = await this.repository.withCampaignLocked(id, async (repository, row) => {
      this.assertIdle(row, 'edited')
      return repository.update(id, {
        brief, briefChecks: analyzeBrief(brief), status: 'Created', stage: null, completedAt: null,
        statusReason: 'The brief was edited: generate to write for it.',
      })
    })
    if (!edited) throw new CampaignNotFoundError(id)
    await announceStatus(this.repository, this.events, edited)
    return toDetail(edited, detailStateOf(await loadCampaignState(this.repository, id)))
  }

  /**
   * The claim checks the owner and the campaign's state in its own statement, so an accepted
   * request reads nothing first; only a refused one reads the campaign, to say why.
   */
  async generate(ownerId: string, id: string): Promise<RunAccepted> {
    const accepted = await this.startRun(ownerId, id, { kind: 'generate', types: [...ARTIFACT_TYPES], feedback: [], tags: [] }, { unlessStatuses: ['Completed'] })
    if (accepted) return accepted
    const row = await this.owned(ownerId, id)
    if (row.status === 'Completed') throw new CampaignConflictError('The campaign is already completed: revise it or regenerate an artifact instead.')
    return alreadyGenerating()
  }

  async revise(ownerId: string, id: string, feedback: string, specificChanges: string[]): Promise<RunAccepted> {
    const row = await this.owned(ownerId, id)
    this.assertIdle(row, 'revised')
    if ((await this.repository.currentVersions(id)).length === 0) {
      throw new CampaignConflictError('Nothing to revise yet: generate the campaign first.')
    }
    return await this.startRun(ownerId, id, { kind: 'revise', types: [...ARTIFACT_TYPES], feedback: [feedback, ...specificChanges], tags: [] }, {}, row.revisionNumber + 1)
      ?? alreadyGenerating()
  }

  async regenerate(ownerId: string, id: string, type: ArtifactType, feedback: string, tags: string[]): Promise<RunAccepted> {
    const row = await this.owned(ownerId, id)
    this.assertIdle(row, 'regenerated')
    return await this.startRun(ownerId, id, { kind: 'regenerate', types: [type], feedback: feedback ? [feedback] : [], tags }) ?? alreadyGenerating()
  }

  async cancel(ownerId: string, id: string): Promise<void> {
    const row = await this.owned(ownerId, id)
    if (!isRunning(row) || !(await this.runner.cancel(id))) throw new CampaignConflictError('The campaign is not being generated.')
  }

  async delete(ownerId: string, id: string): Promise<void> {
    const row = await this.owned(ownerId, id)
    this.assertIdle(row, 'deleted')
    await this.repository.delete(id)
  }

  async artifacts(ownerId: string, id: string, type?: ArtifactType): Promise<{ campaignId: string, artifacts: CampaignArtifact[] }> {
    await this.owned(ownerId, id)
    const current = await this.repository.currentVersions(id)
    return { campaignId: id, artifacts: current.filter(version => !type || version.type === type).map(toArtifact) }
  }

  /** A page of the versions of the artifact whose version `artifactId` is, newest first. */
  async versions(ownerId: string, id: string, artifactId: string, query: VersionsQuery): Promise<ArtifactVersionsPage> {
    await this.owned(ownerId, id)
    const artifact = await this.repository.findVersion(id, artifactId)
    if (!artifact) throw new CampaignResourceNotFoundError(`Artifact '${artifactId}' was not found in this campaign.`)
    const { versions, hasOlder } = await this.repository.versionsPage(id, artifact.type, { ...query, textBytes: VERSIONS_PAGE_TEXT_BYTES })
    const audits = new Map((await this.repository.audits(id, versions.flatMap(v => v.auditId ?? []))).map(audit => [audit.id, audit]))
    return {
      campaignId: id,
      type: artifact.type,
      versions: versions.map(version => toVersion(version, version.auditId ? audits.get(version.auditId) : undefined)),
      hasOlder,
    }
  }

  async compliance(ownerId: string, id: string): Promise<ComplianceAuditResult> {
    await this.owned(ownerId, id)
    const audit = await this.repository.latestAudit(id)
    if (!audit) throw new CampaignResourceNotFoundError('The campaign has not been audited yet: generate it first.')
    return audit.result
  }

  /** Approves the current version of `type`; when every artifact is approved or passed, the campaign completes. */
  async approve(ownerId: string, id: string, type: ArtifactType): Promise<ArtifactVersion> {
    const row = await this.owned(ownerId, id)
    this.assertIdle(row, 'approved')
    const current = await this.repository.currentVersions(id)
    const version = current.find(candidate => candidate.type === type)
    if (!version) throw new CampaignResourceNotFoundError(`The campaign has no ${type} artifact yet.`)
    await this.repository.setVersionStatus([version.id], 'Approved')
    const approved = { ...version, status: 'Approved' }
    const everyTypeSettled = ARTIFACT_TYPES.every((artifactType) => {
      const candidate = artifactType === type ? approved : current.find(c => c.type === artifactType)
      return candidate && (candidate.status === 'Approved' || candidate.status === 'Passed')
    })
    if (everyTypeSettled && row.status !== 'Completed') {
      const completed = await this.repository.update(id, { status: 'Completed', stage: null, statusReason: null, completedAt: new Date() })
      this.events.completed(id)
      if (completed) await announceStatus(this.repository, this.events, completed)
    }
    const audit = version.auditId ? (await this.repository.audits(id, [version.auditId]))[0] : undefined
    return toVersion(approved, audit)
  }

  /** The hub's view: a snapshot for a campaign the user owns, or not found. */
  async snapshot(userId: string, id: string): Promise<CampaignStatusSnapshot> {
    const row = await this.ownedWithState(userId, id)
    return toSnapshot(row, row)
  }

  async canView(userId: string, id: string): Promise<boolean> {
    return (await this.repository.findOwned(id, userId)) !== null
  }

  /** For what hangs off a campaign (its review links): not found unless `ownerId` owns it. */
  async assertOwned(ownerId: string, id: string): Promise<void> {
    await this.owned(ownerId, id)
  }

  /** A page of the campaign's review feedback for its owner: the newest, or what came before the post `before`. */
  async reviewFeedback(ownerId: string, id: string, query: ReviewFeedbackQuery): Promise<ReviewFeedbackPage> {
    await this.owned(ownerId, id)
    // One more than asked for tells whether an older page exists.
    const [rows, totalCount] = await Promise.all([
      this.repository.reviewFeedback(id, query.limit + 1, query.before),
      this.repository.countReviewFeedback(id),
    ])
    if (!rows) throw new CampaignResourceNotFoundError(`Review feedback '${query.before}' was not found in this campaign.`)
    const hasOlder = rows.length > query.limit
    return { campaignId: id, feedback: rows.slice(hasOlder ? 1 : 0).map(toReviewFeedback), totalCount, hasOlder }
  }

  /**
   * What a reviewer sees: the snapshot and the theme. There is no owner here: the caller has already
   * checked the review link that names this campaign.
   */
  async reviewSnapshot(id: string): Promise<CampaignStatusSnapshot & { theme: string }> {
    const row = await this.repository.find(id)
    if (!row) throw new CampaignNotFoundError(id)
    return { ...toSnapshot(row, await loadCampaignState(this.repository, id)), theme: row.brief.theme }
  }

  /**
   * Stores a reviewer's feedback and shows it at once to the owner's pages and the campaign's
   * followers; ReviewFeedbackLimitError when the link or the campaign holds all it may.
   */
  async addReviewFeedback(feedback: NewReviewFeedback, caps: ReviewFeedbackCaps): Promise<ReviewFeedback> {
    const row = await this.repository.find(feedback.campaignId)
    if (!row) throw new CampaignNotFoundError(feedback.campaignId)
    const stored = await this.repository.appendReviewFeedback(feedback, caps)
    if ('capReached' in stored) {
      throw new ReviewFeedbackLimitError({ of: stored.capReached, limit: stored.capReached === 'link' ? caps.perLink : caps.perCampaign })
    }
    const given = toReviewFeedback(stored.row)
    // The new post alone: followers already have the rest, and the snapshot is not resent for it.
    this.events.reviewFeedbackReceived(row.ownerId, { campaignId: row.id, feedback: given, totalCount: stored.campaignCount })
    return given
  }

  private async owned(ownerId: string, id: string): Promise<CampaignRow> {
    const row = await this.repository.findOwned(id, ownerId)
    if (!row) throw new CampaignNotFoundError(id)
    return row
  }

  /** A read that shows the campaign (detail, snapshot): the row and its state in one statement. */
  private async ownedWithState(ownerId: string, id: string): Promise<CampaignRow & CampaignState> {
    const row = await this.repository.findOwnedWithState(id, ownerId)
    if (!row) throw new CampaignNotFoundError(id)
    return row
  }

  private assertIdle(row: CampaignRow, action: string): void {
    if (isRunning(row)) throw new CampaignConflictError(`The campaign cannot be ${action} while it is being generated: cancel it or wait.`)
  }

  /** Claims and starts a run of the owner's campaign; null when the claim is refused (see `ClaimGuard`). */
  private async startRun(
    ownerId: string, id: string, request: RunRequest, guard: Omit<ClaimGuard, 'ownerId'> = {}, revisionNumber?: number,
  ): Promise<RunAccepted | null> {
    const claimed = await this.runner.claimAndStart(ownerId, id, request, (runId, ownerRunsBelow) => this.repository.claimRun(id, RUNNING_STAGES, {
      status: 'InProgress',
      stage: 'Queued',
      statusReason: null,
      completedAt: null,
      runId,
      runRequest: request,
      ...(revisionNumber !== undefined && { revisionNumber }),
    }, { ...guard, ownerId, ownerRunsBelow }))
    if (!claimed) return null
    // The claim read the campaign's state with it: the snapshot needs no read of its own.
    this.events.statusChanged(claimed.ownerId, toSnapshot(claimed, claimed))
    return {
      campaignId: id,
      status: 'InProgress',
      estimatedCompletionTime: new Date(Date.now() + this.estimatedRunMs).toISOString(),
      ...(revisionNumber !== undefined && { revisionNumber }),
    }
  }
}
