import type { ArtifactType, CampaignArtifact } from './artifacts'
import type { BriefAnalysis } from '../brief-contract/checks'
import type { CampaignBrief } from './brief'
import type { ComplianceAuditResult, Verdict } from './compliance'
import type { ReviewFeedback } from './review'

export const CAMPAIGN_STATUSES = ['Created', 'InProgress', 'Completed', 'Failed', 'Cancelled'] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]

/**
 * Where an InProgress campaign is. `AwaitingReview`: the audit still flags work after the
 * automatic revisions; nothing runs until the marketer approves, regenerates or revises.
 */
export const CAMPAIGN_STAGES = ['Queued', 'Generating', 'Auditing', 'Revising', 'AwaitingReview'] as const
export type CampaignStage = (typeof CAMPAIGN_STAGES)[number]

/** Stages in which a run is active: the campaign cannot be deleted, revised or regenerated meanwhile. */
export const RUNNING_STAGES: readonly CampaignStage[] = ['Queued', 'Generating', 'Auditing', 'Revising']

export type ArtifactVersionStatus = 'Generated' | 'Flagged' | 'Passed' | 'Approved'
export type ComplianceStatus = Verdict | 'NotAudited'

export interface CampaignSummary {
  id: string
  theme: string
  status: CampaignStatus
  stage: CampaignStage | null
  createdAt: string
  /** The last change of the campaign's own record (status, stage, revision). */
  updatedAt: string
  completedAt: string | null
  complianceStatus: ComplianceStatus
  complianceScore: number | null
}

export interface CampaignDetail extends CampaignSummary {
  brief: CampaignBrief
  /** The checks the audit runs, read from the brief when the campaign was created. */
  briefChecks: BriefAnalysis
  statusReason: string | null
  revisionNumber: number
  /** The newest posts reviewers left through the campaign's review links (at most REVIEW_FEEDBACK_IN_SNAPSHOT), oldest first. */
  reviewFeedback: ReviewFeedback[]
  /** Every post, `reviewFeedback` and the older ones (`GET /api/campaigns/{id}/review-feedback`). */
  reviewFeedbackCount: number
  artifacts: Array<{ id: string, type: ArtifactType, status: ArtifactVersionStatus, iteration: number, createdAt: string }>
}

export interface CampaignPage {
  items: CampaignSummary[]
  totalCount: number
  page: number
  pageSize: number
  totalPages: number
}

/** One version of an artifact, with how it came to be and how the audit judged it. */
export interface ArtifactVersion extends CampaignArtifact {
  iteration: number
  status: ArtifactVersionStatus
  feedback: string[]
  tags: string[]
  audit: { id: string, verdict: Verdict, complianceScore: number, issueCount: number } | null
}

/** One page of an artifact's versions, newest first; `hasOlder` when older ones follow. */
export interface ArtifactVersionsPage {
  campaignId: string
  type: ArtifactType
  versions: ArtifactVersion[]
  hasOlder: boolean
}

/** `OnCampaignStatusReceived`: everything a client needs to show a campaign, authoritative over earlier events. */
export interface CampaignStatusSnapshot {
  campaignId: string
  status: CampaignStatus
  stage: CampaignStage | null
  statusReason: string | null
  revisionNumber: number
  artifacts: CampaignArtifact[]
  compliance: ComplianceAuditResult | null
  createdAt: string
  updatedAt: string
  completedAt: string | null
  /** The newest posts reviewers left through the campaign's review links (at most REVIEW_FEEDBACK_IN_SNAPSHOT), oldest first. */
  reviewFeedback: ReviewFeedback[]
  /** Every post, `reviewFeedback` and the older ones (`GET /api/campaigns/{id}/review-feedback`). */
  reviewFeedbackCount: number
}
