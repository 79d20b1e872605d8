import { getTableColumns, sql, type SQL } from 'drizzle-orm'
import { REVIEW_FEEDBACK_IN_SNAPSHOT } from '#shared/campaign'
import { columnRowsFromJson, rowFromJson, rowsFromJson } from '../../db/rows-from-json'
import {
  artifactVersions, campaigns, complianceAudits, reviewFeedback,
  type ArtifactVersionRow, type CampaignRow, type ComplianceAuditRow, type ReviewFeedbackRow,
} from '../../db/schema'
import type { AuditVerdict } from './campaign-state'

/**
 * A campaign row with its newest review feedback, as a run's writes return it: reviewers may post
 * while the run goes on, so the feedback is read with each write rather than held by the run.
 */
export type CampaignWithFeedback = CampaignRow & {
  /** The newest REVIEW_FEEDBACK_IN_SNAPSHOT posts, oldest first, as a snapshot shows them. */
  newestFeedback: ReviewFeedbackRow[]
  feedbackCount: number
}

/** A campaign as a run's executor takes it: with what the run starts from, its current versions and latest audit. */
export type TakenCampaign = CampaignWithFeedback & {
  current: ArtifactVersionRow[]
  audit: ComplianceAuditRow | null
}

// What a campaign's snapshot shows besides its row, as subqueries correlated with `campaigns`: a
// statement that reads or changes the campaign row reads these in the same round trip.

const column = (alias: string, name: string) => sql`${sql.identifier(alias)}.${sql.identifier(name)}`
/**
 * A scalar subquery. Nested in its own SQL object: Drizzle strips the table from the columns at the
 * top of a RETURNING field, which would turn `campaigns.id` into the subquery's own `id`.
 */
const subquery = (body: SQL) => sql`(${body})`

/** The newest REVIEW_FEEDBACK_IN_SNAPSHOT posts, oldest first. */
const newestFeedback = subquery(sql`SELECT coalesce(json_agg(newest ORDER BY ${column('newest', reviewFeedback.createdAt.name)}, ${column('newest', reviewFeedback.id.name)}), '[]') FROM (
    SELECT * FROM ${reviewFeedback} WHERE ${reviewFeedback.campaignId} = ${campaigns.id}
    ORDER BY ${reviewFeedback.createdAt} DESC, ${reviewFeedback.id} DESC LIMIT ${REVIEW_FEEDBACK_IN_SNAPSHOT}
  ) AS newest`).mapWith(value => rowsFromJson(reviewFeedback, value))

const feedbackCount = subquery(sql`SELECT count(*) FROM ${reviewFeedback} WHERE ${reviewFeedback.campaignId} = ${campaigns.id}`).mapWith(Number)

/** The newest version of each type, by type (as `currentVersions` lists them). */
const currentVersions = subquery(sql`SELECT coalesce(json_agg(current ORDER BY ${column('current', artifactVersions.type.name)}), '[]') FROM (
    SELECT DISTINCT ON (${artifactVersions.type}) * FROM ${artifactVersions} WHERE ${artifactVersions.campaignId} = ${campaigns.id}
    ORDER BY ${artifactVersions.type}, ${artifactVersions.iteration} DESC
  ) AS current`).mapWith(value => rowsFromJson(artifactVersions, value))

/** What the detail shows of each current version (ArtifactVersionHead), without its text and metadata. */
const VERSION_HEAD_COLUMNS = {
  id: artifactVersions.id,
  type: artifactVersions.type,
  status: artifactVersions.status,
  iteration: artifactVersions.iteration,
  createdAt: artifactVersions.createdAt,
}

const currentVersionHeads = subquery(sql`SELECT coalesce(json_agg(current ORDER BY ${column('current', artifactVersions.type.name)}), '[]') FROM (
    SELECT DISTINCT ON (${artifactVersions.type}) ${sql.join(Object.values(VERSION_HEAD_COLUMNS), sql`, `)}
    FROM ${artifactVersions} WHERE ${artifactVersions.campaignId} = ${campaigns.id}
    ORDER BY ${artifactVersions.type}, ${artifactVersions.iteration} DESC
  ) AS current`).mapWith(value => columnRowsFromJson(VERSION_HEAD_COLUMNS, value))

const parseAuditVerdict = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as AuditVerdict

/** An audit row's verdict and score (AuditVerdict), without its issues and checks: for reads of `complianceAudits`. */
export const auditVerdict = sql`json_build_object('verdict', ${complianceAudits.result}->'verdict', 'complianceScore', ${complianceAudits.result}->'complianceScore')`.mapWith(parseAuditVerdict)

/** The latest audit's verdict and score. */
const latestAuditVerdict = subquery(sql`SELECT ${auditVerdict}
    FROM ${complianceAudits} WHERE ${complianceAudits.campaignId} = ${campaigns.id}
    ORDER BY ${complianceAudits.createdAt} DESC, ${complianceAudits.id} DESC LIMIT 1`).mapWith(parseAuditVerdict)

const latestAudit = subquery(sql`SELECT row_to_json(latest) FROM (
    SELECT * FROM ${complianceAudits} WHERE ${complianceAudits.campaignId} = ${campaigns.id}
    ORDER BY ${complianceAudits.createdAt} DESC, ${complianceAudits.id} DESC LIMIT 1
  ) AS latest`).mapWith(value => rowFromJson(complianceAudits, typeof value === 'string' ? JSON.parse(value) : value))

/**
 * The RETURNING list of an UPDATE of `campaigns` that yields a CampaignWithFeedback: a write and the
 * feedback its snapshot shows in one round trip.
 */
export const campaignWithFeedbackColumns = { ...getTableColumns(campaigns), newestFeedback, feedbackCount }

/** A SELECT list over `campaigns` that yields a campaign's CampaignState in one statement. */
export const campaignStateColumns = { current: currentVersions, audit: latestAudit, feedback: newestFeedback, feedbackCount }

/** A SELECT list over `campaigns` that yields the row and its CampaignDetailState: a REST detail in one statement. */
export const campaignAndDetailColumns = {
  ...getTableColumns(campaigns),
  current: currentVersionHeads,
  audit: latestAuditVerdict,
  feedback: newestFeedback,
  feedbackCount,
}

/** The RETURNING list of an UPDATE of `campaigns` that yields the row and its CampaignState: a write and its snapshot in one round trip. */
export const campaignAndStateColumns = { ...getTableColumns(campaigns), ...campaignStateColumns }

/** The RETURNING list of the UPDATE that takes a run: the take and the run's starting state in one round trip. */
export const takenCampaignColumns = { ...campaignWithFeedbackColumns, current: currentVersions, audit: latestAudit }
