import { z } from '../schemas/zod'
import type { ArtifactVersion, ArtifactVersionsPage, CampaignDetail, CampaignPage, CampaignStatusSnapshot, CampaignSummary } from './campaign'
import type { ArtifactMetadata, CampaignArtifact, ArtifactType } from './artifacts'
import { ARTIFACT_KINDS, ARTIFACT_TYPES } from './artifacts'
import { briefAnalysisSchema, briefLineSchema } from '../brief-contract/checks'
import { brandKitSchema, campaignBriefSchema } from './brief'
import { PLATFORMS } from './platforms'
import { CAMPAIGN_STAGES, CAMPAIGN_STATUSES } from './campaign'
import type { ComplianceAuditResult } from './compliance'
import { RULE_CATEGORIES } from './compliance'
import type { CreatedReviewLink, ReviewFeedback, ReviewFeedbackPage, ReviewLinkSummary, ReviewView } from './review'
import { REVIEW_DECISIONS } from './review'
import type { ReviewDecisionList, ReviewItemDecision } from './review-decisions'

// Response shapes as zod, for the OpenAPI document. Each `satisfies` ties a schema to the
// TypeScript type the server returns, so the two cannot drift apart unnoticed.

const timestamp = z.iso.datetime({ offset: true })
const artifactType = z.enum(ARTIFACT_TYPES)
const status = z.enum(CAMPAIGN_STATUSES)
const stage = z.enum(CAMPAIGN_STAGES).nullable()
const verdict = z.enum(['Pass', 'Conditional', 'Fail'])
const versionStatus = z.enum(['Generated', 'Flagged', 'Passed', 'Approved'])
const complianceStatus = z.enum(['Pass', 'Conditional', 'Fail', 'NotAudited'])

const metadataSchemas = ARTIFACT_TYPES.map(type => ARTIFACT_KINDS[type].metadataSchema) as [MetadataSchema, ...MetadataSchema[]]
type MetadataSchema = (typeof ARTIFACT_KINDS)[ArtifactType]['metadataSchema']

export const artifactMetadataSchema = z.union(metadataSchemas)
  .meta({ description: `${ARTIFACT_TYPES.join(', ').replace(/, (?=[^,]*$)/, ' or ')} structure, by the artifact's type.` }) satisfies z.ZodType<ArtifactMetadata>

export const campaignArtifactSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  type: artifactType,
  content: z.string().meta({ description: 'Readable text; the structure is in `metadata`.' }),
  metadata: artifactMetadataSchema,
  createdAt: timestamp,
  agentName: z.string(),
}) satisfies z.ZodType<CampaignArtifact>

const checkOccurrenceSchema = z.object({
  artifactType,
  location: z.string(),
  description: z.string(),
  recommendation: z.string(),
  excerpt: z.string().optional(),
  start: z.int().optional(),
  end: z.int().optional(),
  snippet: z.object({ before: z.string(), match: z.string(), after: z.string() }).optional(),
})

const auditedCheckSchema = z.object({
  checkId: z.string(),
  ruleId: z.string(),
  title: z.string(),
  severity: z.enum(['Low', 'Medium', 'High']),
  category: z.enum(RULE_CATEGORIES),
  source: briefLineSchema.nullable(),
  guidance: z.string().optional(),
  results: z.array(z.object({ artifactType, status: z.enum(['passed', 'failed', 'not-applicable']), unlisted: z.int().positive().optional() })),
  occurrences: z.array(checkOccurrenceSchema),
})

export const complianceAuditResultSchema = z.object({
  campaignId: z.string(),
  isCompliant: z.boolean(),
  complianceScore: z.number(),
  issues: z.array(z.object({
    artifactType: z.string(),
    issueDescription: z.string(),
    severity: z.enum(['Low', 'Medium', 'High']),
    ruleId: z.string(),
    category: z.enum(RULE_CATEGORIES),
    location: z.string(),
    recommendation: z.string(),
    source: z.enum(['rules', 'model']),
    checkId: z.string().optional(),
    excerpt: z.string().optional(),
    start: z.int().optional(),
    end: z.int().optional(),
  })),
  feedback: z.string(),
  auditedAt: timestamp,
  verdict,
  categoryScores: z.object(Object.fromEntries(RULE_CATEGORIES.map(category => [category, z.number()])) as Record<typeof RULE_CATEGORIES[number], z.ZodNumber>),
  checks: z.array(auditedCheckSchema).optional(),
  checksPassed: z.int().optional(),
  checksTested: z.int().optional(),
  artifactScores: z.object(Object.fromEntries(ARTIFACT_TYPES.map(type => [type, z.number().optional()])) as Record<ArtifactType, z.ZodOptional<z.ZodNumber>>).optional(),
}) satisfies z.ZodType<ComplianceAuditResult>

export const reviewFeedbackItemSchema = z.object({
  id: z.string(),
  reviewerName: z.string(),
  decision: z.enum(REVIEW_DECISIONS),
  comment: z.string(),
  createdAt: timestamp,
}) satisfies z.ZodType<ReviewFeedback>

export const reviewItemDecisionSchema = z.object({
  id: z.string(),
  reviewerName: z.string(),
  decision: z.enum(REVIEW_DECISIONS),
  comment: z.string(),
  quote: z.string().meta({ description: 'The passage quoted, as it read in `version`; empty when none.' }),
  artifactType,
  platform: z.enum(PLATFORMS).nullable().meta({ description: 'With `postIndex`: one short-copy post; null for the whole artifact.' }),
  postIndex: z.int().nullable().meta({ description: 'The post\'s place among its platform\'s posts, from 0.' }),
  version: z.int().meta({ description: 'The artifact\'s version (iteration) the reviewer decided on.' }),
  createdAt: timestamp,
  resolvedAt: timestamp.nullable().meta({ description: 'When the owner marked it resolved.' }),
}) satisfies z.ZodType<ReviewItemDecision>

export const reviewDecisionListSchema = z.object({
  campaignId: z.string(),
  decisions: z.array(reviewItemDecisionSchema),
}) satisfies z.ZodType<ReviewDecisionList>

export const campaignSummarySchema = z.object({
  id: z.string(),
  theme: z.string(),
  status,
  stage,
  createdAt: timestamp,
  updatedAt: timestamp,
  completedAt: timestamp.nullable(),
  complianceStatus,
  complianceScore: z.number().nullable(),
}) satisfies z.ZodType<CampaignSummary>

// The brief as stored: the creation schema's output (defaults filled in, hashtags normalised).
const storedBriefSchema = campaignBriefSchema.extend({
  constraints: z.array(z.string()),
  platforms: z.array(z.enum(PLATFORMS)),
  brand: brandKitSchema.extend({ palette: z.array(z.string()), bannedTerms: z.array(z.string()), requiredHashtags: z.array(z.string()) }).optional(),
  executionMode: z.enum(['parallel', 'sequential']),
})

export const campaignDetailSchema = campaignSummarySchema.extend({
  brief: storedBriefSchema,
  briefChecks: briefAnalysisSchema,
  statusReason: z.string().nullable(),
  updatedAt: timestamp,
  revisionNumber: z.int(),
  reviewFeedback: z.array(reviewFeedbackItemSchema),
  reviewFeedbackCount: z.int(),
  artifacts: z.array(z.object({ id: z.string(), type: artifactType, status: versionStatus, iteration: z.int(), createdAt: timestamp })),
}) satisfies z.ZodType<CampaignDetail>

export const campaignPageSchema = z.object({
  items: z.array(campaignSummarySchema),
  totalCount: z.int(),
  page: z.int(),
  pageSize: z.int(),
  totalPages: z.int(),
}) satisfies z.ZodType<CampaignPage>

export const runAcceptedSchema = z.object({
  campaignId: z.string(),
  status: z.literal('InProgress'),
  estimatedCompletionTime: timestamp,
  revisionNumber: z.int().optional(),
})

export const cancelAcceptedSchema = z.object({ campaignId: z.string(), status: z.literal('Cancelled') })

export const campaignArtifactsSchema = z.object({ campaignId: z.string(), artifacts: z.array(campaignArtifactSchema) })

export const artifactVersionSchema = campaignArtifactSchema.extend({
  iteration: z.int(),
  status: versionStatus,
  feedback: z.array(z.string()),
  tags: z.array(z.string()),
  audit: z.object({ id: z.string(), verdict, complianceScore: z.number(), issueCount: z.int() }).nullable(),
}) satisfies z.ZodType<ArtifactVersion>

export const artifactVersionsSchema = z.object({
  campaignId: z.string(),
  type: artifactType,
  versions: z.array(artifactVersionSchema),
  hasOlder: z.boolean(),
}) satisfies z.ZodType<ArtifactVersionsPage>

export const reviewLinkSummarySchema = z.object({
  id: z.string(),
  allowFeedback: z.boolean(),
  createdAt: timestamp,
  expiresAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
}) satisfies z.ZodType<ReviewLinkSummary>

export const reviewLinkListSchema = z.object({ campaignId: z.string(), links: z.array(reviewLinkSummarySchema) })

export const createdReviewLinkSchema = z.object({
  id: z.string(),
  url: z.string().meta({ description: '`/review/{token}`, relative to the app\'s origin.' }),
  token: z.string().meta({ description: 'The secret: shown this once.' }),
  expiresAt: timestamp,
}) satisfies z.ZodType<CreatedReviewLink>

export const reviewFeedbackPageSchema = z.object({
  campaignId: z.string(),
  feedback: z.array(reviewFeedbackItemSchema),
  totalCount: z.int(),
  hasOlder: z.boolean(),
}) satisfies z.ZodType<ReviewFeedbackPage>

export const campaignStatusSnapshotSchema = z.object({
  campaignId: z.string(),
  status,
  stage,
  statusReason: z.string().nullable(),
  revisionNumber: z.int(),
  artifacts: z.array(campaignArtifactSchema),
  compliance: complianceAuditResultSchema.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  completedAt: timestamp.nullable(),
  reviewFeedback: z.array(reviewFeedbackItemSchema),
  reviewFeedbackCount: z.int(),
}) satisfies z.ZodType<CampaignStatusSnapshot>

export const reviewViewSchema = z.object({
  campaign: campaignStatusSnapshotSchema.extend({ theme: z.string() }),
  allowFeedback: z.boolean(),
  expiresAt: timestamp,
  feedback: z.array(reviewFeedbackItemSchema),
  decisions: z.array(reviewItemDecisionSchema).meta({ description: 'Every decision on single items, oldest first.' }),
}) satisfies z.ZodType<ReviewView>
