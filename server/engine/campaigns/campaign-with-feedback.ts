import { getTableColumns, sql } from 'drizzle-orm'
import { REVIEW_FEEDBACK_IN_SNAPSHOT } from '#shared/campaign'
import { campaigns, reviewFeedback, type CampaignRow, type ReviewFeedbackRow } from '../../db/schema'

/**
 * A campaign row with its newest review feedback, as a run's writes return it: reviewers may post
 * while the run goes on, so the feedback is read with each write rather than held by the run.
 */
export type CampaignWithFeedback = CampaignRow & {
  /** The newest REVIEW_FEEDBACK_IN_SNAPSHOT posts, oldest first, as a snapshot shows them. */
  newestFeedback: ReviewFeedbackRow[]
  feedbackCount: number
}

const ofCampaign = sql`${reviewFeedback.campaignId} = ${campaigns.id}`
const newest = sql.identifier('newest')
const newestColumn = (name: string) => sql`${newest}.${sql.identifier(name)}`

/**
 * The RETURNING list of an UPDATE of `campaigns` that yields a CampaignWithFeedback: the row, and
 * the feedback as subqueries of the same statement, so a write and the reads of its snapshot cost
 * one round trip.
 */
export const campaignWithFeedbackColumns = {
  ...getTableColumns(campaigns),
  newestFeedback: sql`(SELECT coalesce(json_agg(${newest} ORDER BY ${newestColumn(reviewFeedback.createdAt.name)}, ${newestColumn(reviewFeedback.id.name)}), '[]') FROM (
    SELECT * FROM ${reviewFeedback} WHERE ${ofCampaign}
    ORDER BY ${reviewFeedback.createdAt} DESC, ${reviewFeedback.id} DESC LIMIT ${REVIEW_FEEDBACK_IN_SNAPSHOT}
  ) AS ${newest})`.mapWith(feedbackFromJson),
  feedbackCount: sql`(SELECT count(*) FROM ${reviewFeedback} WHERE ${ofCampaign})`.mapWith(Number),
}

/** Rows aggregated as JSON (keyed by column name, timestamps as text), mapped as Drizzle maps a selected row. */
function feedbackFromJson(value: unknown): ReviewFeedbackRow[] {
  const rows = (typeof value === 'string' ? JSON.parse(value) : value) as Array<Record<string, unknown>>
  return rows.map(row => Object.fromEntries(Object.entries(getTableColumns(reviewFeedback))
    .map(([key, column]) => [key, column.mapFromDriverValue(row[column.name])])) as ReviewFeedbackRow)
}
