import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { ArtifactMetadata, ArtifactType, CampaignBrief, ComplianceAuditResult } from '../../shared/campaign'
import { users } from './schema'

// Campaign tables: a campaign, every version of every artifact (append-only) and every audit.

export const campaigns = pgTable('campaigns', {
  id: text('id').primaryKey(),
  ownerId: uuid('owner_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** The brief as created; revisions add feedback to versions, never edit this. */
  brief: jsonb('brief').$type<CampaignBrief>().notNull(),
  status: text('status').notNull(),
  stage: text('stage'),
  /** Why the campaign is where it is (a failure, an interrupted run, work awaiting review). */
  statusReason: text('status_reason'),
  revisionNumber: integer('revision_number').notNull().default(0),
  /** The run in progress (or the last one): what it must do, so a restart can resume it. */
  runId: text('run_id'),
  runRequest: jsonb('run_request'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  completedAt: timestamp('completed_at', { withTimezone: true }),
}, table => [
  index('campaigns_owner_created_idx').on(table.ownerId, table.createdAt),
])

export const artifactVersions = pgTable('artifact_versions', {
  id: text('id').primaryKey(),
  campaignId: text('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
  type: text('type').$type<ArtifactType>().notNull(),
  iteration: integer('iteration').notNull(),
  content: text('content').notNull(),
  metadata: jsonb('metadata').$type<ArtifactMetadata>().notNull(),
  agentName: text('agent_name').notNull(),
  /** The marketer's feedback and audit recommendations this version was written to address. */
  feedback: jsonb('feedback').$type<string[]>().notNull(),
  tags: jsonb('tags').$type<string[]>().notNull(),
  /** Generated, Flagged (the audit found High issues), Passed, Approved. */
  status: text('status').notNull(),
  auditId: text('audit_id'),
  runId: text('run_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, table => [
  uniqueIndex('artifact_versions_campaign_type_iteration_key').on(table.campaignId, table.type, table.iteration),
])

export const complianceAudits = pgTable('compliance_audits', {
  id: text('id').primaryKey(),
  campaignId: text('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
  result: jsonb('result').$type<ComplianceAuditResult>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, table => [
  index('compliance_audits_campaign_created_idx').on(table.campaignId, table.createdAt),
])

export type CampaignRow = typeof campaigns.$inferSelect
export type ArtifactVersionRow = typeof artifactVersions.$inferSelect
export type ComplianceAuditRow = typeof complianceAudits.$inferSelect
