import { and, eq, inArray, notInArray, sql } from 'drizzle-orm'
import type { CampaignStage } from '#shared/campaign'
import type { Database } from '../../db/database'
import { insertWhileQuery } from '../../db/insert-while'
import { artifactVersions, campaigns, complianceAudits, type ArtifactVersionRow, type CampaignRow, type ComplianceAuditRow } from '../../db/schema'
import { shapeValues, StatementsByShape } from '../../db/statements-by-shape'
import { fewerRunsUnderWay, heldAt, notInStages, ownedBy } from './campaign-conditions'
import { campaignAndStateColumns, campaignWithFeedbackColumns, takenCampaignColumns, type CampaignWithFeedback, type TakenCampaign } from './campaign-with-feedback'
import type { CampaignState } from './campaign-state'
import type { CampaignPatch, ClaimGuard, JudgedAudit, NewArtifactVersion, RunFence } from './campaign-repository'
import { newId } from './ids'

interface Prepared<Row> {
  execute(args: Record<string, unknown>): Promise<Row[]>
}

const placeholder = sql.placeholder
/** The fence as placeholders `campaignId` and `epoch`. */
const heldFence = heldAt(placeholder('campaignId'), placeholder('epoch'))
/** Placeholders of the values a statement sets (`set_stage`, …) or inserts (`row_type`, …). */
const SET = 'set_'
const ROW = 'row_'

/**
 * The statements a run makes from its claim to its end, prepared once per shape of their values and
 * kept (`StatementsByShape`): a burst of runs makes thousands of them, and building each one's SQL
 * cost the event loop more than the embedded database took to run it. The SQL is the same as a
 * built statement's; what each does is documented on CampaignRepository, which calls these.
 */
export class RunStatements {
  private readonly claims = new StatementsByShape<Prepared<CampaignRow & CampaignState>>('campaigns_claim_run')
  private readonly takes = new StatementsByShape<Prepared<TakenCampaign>>('campaigns_take_run')
  private readonly fencedUpdates = new StatementsByShape<Prepared<CampaignWithFeedback>>('campaigns_update_fenced')
  private readonly fencedVersions = new StatementsByShape<Prepared<ArtifactVersionRow>>('artifact_versions_append_fenced')
  private readonly judgedAudits = new StatementsByShape<Prepared<ComplianceAuditRow>>('compliance_audits_append_judged')

  constructor(private readonly db: Database) {}

  async claim(id: string, notRunning: readonly CampaignStage[], patch: CampaignPatch, guard: ClaimGuard): Promise<(CampaignRow & CampaignState) | null> {
    const values = shapeValues({ ...patch, updatedAt: new Date() }, SET)
    const owned = guard.ownerId !== undefined
    const capped = owned && guard.ownerRunsBelow !== undefined
    const unless = guard.unlessStatuses ?? []
    const shape = [values.shape, owned ? 'owned' : 'any', capped ? 'capped' : 'uncapped', notRunning.join('|'), unless.join('|')].join(';')
    const statement = this.claims.get(shape, name => this.db.update(campaigns).set(values.placeholders as never)
      .where(and(
        owned ? ownedBy(placeholder('id'), placeholder('ownerId')) : eq(campaigns.id, placeholder('id')),
        notInStages(notRunning),
        ...(unless.length > 0 ? [notInArray(campaigns.status, [...unless])] : []),
        // `notRunning` lists the stages of a run under way: the owner's runs in them are counted.
        ...(capped ? [fewerRunsUnderWay(placeholder('ownerId'), notRunning, placeholder('ownerRunsBelow'))] : []),
      ))
      .returning(campaignAndStateColumns)
      .prepare(name))
    return first(statement.execute({ ...values.args, id, ownerId: guard.ownerId, ownerRunsBelow: guard.ownerRunsBelow }))
  }

  async take(id: string, runId: string, runningStages: readonly CampaignStage[], patch: CampaignPatch): Promise<TakenCampaign | null> {
    const values = shapeValues({ ...patch, updatedAt: new Date() }, SET)
    const statement = this.takes.get(`${values.shape};${runningStages.join('|')}`, name => this.db.update(campaigns)
      .set({ ...values.placeholders, runEpoch: sql`${campaigns.runEpoch} + 1` } as never)
      .where(and(eq(campaigns.id, placeholder('id')), eq(campaigns.runId, placeholder('runId')), eq(campaigns.status, 'InProgress'), inArray(campaigns.stage, [...runningStages])))
      .returning(takenCampaignColumns)
      .prepare(name))
    return first(statement.execute({ ...values.args, id, runId }))
  }

  async updateFenced(fence: RunFence, patch: CampaignPatch): Promise<CampaignWithFeedback | null> {
    const values = shapeValues({ ...patch, updatedAt: new Date() }, SET)
    const statement = this.fencedUpdates.get(values.shape, name => this.db.update(campaigns).set(values.placeholders as never)
      .where(heldFence)
      .returning(campaignWithFeedbackColumns)
      .prepare(name))
    return first(statement.execute({ ...values.args, ...fence }))
  }

  async appendVersionFenced(fence: RunFence, version: NewArtifactVersion): Promise<ArtifactVersionRow | null> {
    const values = shapeValues({ ...version, id: newId('art'), status: 'Generated' }, ROW)
    const statement = this.fencedVersions.get(values.shape, name =>
      insertWhileQuery(this.db, artifactVersions, values.placeholders, campaigns, heldFence).prepare(name))
    return first(statement.execute({ ...values.args, ...fence }))
  }

  /**
   * The audit's insert and the versions' update in one statement, both only while the campaign's
   * row is found (with `fence`, only while it holds), share-locked for the statement as
   * `insertWhile` does: the update runs as a CTE beside the insert, so both happen or neither.
   */
  async appendJudgedAudit(campaignId: string, fence: RunFence | null, { result, flaggedIds, passedIds }: JudgedAudit): Promise<ComplianceAuditRow | null> {
    const statement = this.judgedAudits.get(fence ? 'fenced' : 'campaign', (name) => {
      const condition = fence ? heldFence : eq(campaigns.id, placeholder('campaignId'))
      const flagged = sql`${artifactVersions.id} = any(cast(${placeholder('flaggedIds')} as text[]))`
      const judged = sql`${artifactVersions.id} = any(cast(${placeholder('judgedIds')} as text[]))`
      const marked = this.db.$with('marked').as(this.db.update(artifactVersions)
        .set({ status: sql`CASE WHEN ${flagged} THEN 'Flagged' ELSE 'Passed' END`, auditId: placeholder('auditId') } as never)
        .where(and(judged, sql`EXISTS (SELECT 1 FROM ${campaigns} WHERE ${condition} FOR SHARE)`))
        .returning({ id: artifactVersions.id }))
      const audit = { id: placeholder('auditId'), campaignId: placeholder('campaignId'), result: placeholder('result') }
      return insertWhileQuery(this.db.with(marked), complianceAudits, audit, campaigns, condition).prepare(name)
    })
    return first(statement.execute({
      campaignId, epoch: fence?.epoch, auditId: newId('aud'), result, flaggedIds, judgedIds: [...flaggedIds, ...passedIds],
    }))
  }
}

async function first<Row>(rows: Promise<Row[]>): Promise<Row | null> {
  return (await rows)[0] ?? null
}
