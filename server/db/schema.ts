import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { BriefAnalysis } from '#shared/brief-contract'
import type { ArtifactMetadata, ArtifactType, BrandKitFields, CampaignBrief, ComplianceAuditResult, Platform, ReviewDecision } from '#shared/campaign'

// The single description of the tables. Migrations in ./migrations create exactly this; a test
// compares the two so they cannot drift apart.

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stored lower-cased, so uniqueness ignores case. */
  email: text('email').notNull(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, table => [
  uniqueIndex('users_email_key').on(table.email),
])

export const personalAccessTokens = pgTable('personal_access_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  /** SHA-256 of the secret: the secret itself is shown once and never stored. */
  tokenHash: text('token_hash').notNull(),
  /** The first characters of the secret, shown in lists so tokens can be told apart. */
  tokenPrefix: text('token_prefix').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, table => [
  uniqueIndex('personal_access_tokens_token_hash_key').on(table.tokenHash),
  index('personal_access_tokens_user_id_idx').on(table.userId),
])

/**
 * A signed-in browser. The sealed session cookie names one of these; signing out revokes it, so a
 * copy of the cookie taken earlier opens nothing from then on.
 */
export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, table => [
  index('sessions_user_id_idx').on(table.userId),
])

// Campaign tables: a campaign, every version of every artifact (append-only) and every audit.

export const campaigns = pgTable('campaigns', {
  id: text('id').primaryKey(),
  ownerId: uuid('owner_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  /**
   * The brief, with its brand kit copied in; the owner may edit it while no run is active. Revisions
   * add feedback to versions, never edit this.
   */
  brief: jsonb('brief').$type<CampaignBrief>().notNull(),
  /** The checks read from the brief when it was created or last edited; null for campaigns created before they were stored. */
  briefChecks: jsonb('brief_checks').$type<BriefAnalysis>(),
  status: text('status').notNull(),
  stage: text('stage'),
  /** Why the campaign is where it is (a failure, an interrupted run, work awaiting review). */
  statusReason: text('status_reason'),
  revisionNumber: integer('revision_number').notNull().default(0),
  /** The run in progress (or the last one): what it must do, so a restart can resume it. */
  runId: text('run_id'),
  runRequest: jsonb('run_request'),
  /**
   * The run's fencing token: raised each time an executor takes the run (start, resume, takeover).
   * Every write a run makes requires the value its executor took, so one that lost the run writes nothing.
   */
  runEpoch: integer('run_epoch').notNull().default(0),
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

// Review links: a secret URL that shows one campaign read-only to people without an account, and
// the feedback they leave through it.

export const reviewLinks = pgTable('review_links', {
  id: uuid('id').primaryKey().defaultRandom(),
  campaignId: text('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
  /** SHA-256 of the secret in the URL: the secret itself is shown once and never stored. */
  tokenHash: text('token_hash').notNull(),
  allowFeedback: boolean('allow_feedback').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, table => [
  uniqueIndex('review_links_token_hash_key').on(table.tokenHash),
  index('review_links_campaign_id_idx').on(table.campaignId),
])

export const reviewFeedback = pgTable('review_feedback', {
  id: uuid('id').primaryKey().defaultRandom(),
  campaignId: text('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
  /** The link it came through; kept when the link is revoked, so the history stays whole. */
  linkId: uuid('link_id').notNull().references(() => reviewLinks.id, { onDelete: 'cascade' }),
  reviewerName: text('reviewer_name').notNull(),
  decision: text('decision').$type<ReviewDecision>().notNull(),
  comment: text('comment').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, table => [
  index('review_feedback_campaign_created_idx').on(table.campaignId, table.createdAt),
])

// A reviewer's decision on one item of the campaign (an artifact, or one short-copy post), bound to
// the version they saw; the owner marks it resolved.

export const reviewDecisions = pgTable('review_decisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  campaignId: text('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
  linkId: uuid('link_id').notNull().references(() => reviewLinks.id, { onDelete: 'cascade' }),
  reviewerName: text('reviewer_name').notNull(),
  decision: text('decision').$type<ReviewDecision>().notNull(),
  comment: text('comment').notNull(),
  quote: text('quote').notNull(),
  artifactType: text('artifact_type').$type<ArtifactType>().notNull(),
  /** With `postIndex`: one short-copy post; both null for the whole artifact. */
  platform: text('platform').$type<Platform>(),
  postIndex: integer('post_index'),
  /** The iteration of the artifact the reviewer saw. */
  artifactVersion: integer('artifact_version').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
}, table => [
  index('review_decisions_campaign_created_idx').on(table.campaignId, table.createdAt),
])

// Brand kits: a user's saved brand fields, copied into a brief when chosen (campaigns keep that copy).

export const brandKits = pgTable('brand_kits', {
  id: uuid('id').primaryKey().defaultRandom(),
  ownerId: uuid('owner_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  /** Every field of the kit as the API validated it, the name included. */
  fields: jsonb('fields').$type<BrandKitFields>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, table => [
  index('brand_kits_owner_name_idx').on(table.ownerId, table.name),
])

export type CampaignRow = typeof campaigns.$inferSelect
export type ArtifactVersionRow = typeof artifactVersions.$inferSelect
export type ComplianceAuditRow = typeof complianceAudits.$inferSelect

export const schema = { users, personalAccessTokens, sessions, campaigns, artifactVersions, complianceAudits, reviewLinks, reviewFeedback, reviewDecisions, brandKits }
export type UserRow = typeof users.$inferSelect
export type PersonalAccessTokenRow = typeof personalAccessTokens.$inferSelect
export type SessionRow = typeof sessions.$inferSelect
export type ReviewLinkRow = typeof reviewLinks.$inferSelect
export type ReviewFeedbackRow = typeof reviewFeedback.$inferSelect
export type ReviewDecisionRow = typeof reviewDecisions.$inferSelect
export type BrandKitRow = typeof brandKits.$inferSelect
