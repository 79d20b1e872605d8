import type {
  ArtifactVersion, CampaignArtifact, CampaignDetail, CampaignStage, CampaignStatus, CampaignStatusSnapshot, CampaignSummary,
  ArtifactVersionStatus, ReviewFeedback,
} from '#shared/campaign'
import type { ArtifactVersionRow, CampaignRow, ComplianceAuditRow, ReviewFeedbackRow } from '../../db/schema'
import { briefChecksOf } from './brief-checks'
import type { AuditVerdict, CampaignDetailState, CampaignState } from './campaign-state'

// Rows as the API and the hub present them. One mapping each, used by REST and hub alike.

const iso = (date: Date | null) => date?.toISOString() ?? null

export function toArtifact(row: ArtifactVersionRow): CampaignArtifact {
  return {
    id: row.id,
    campaignId: row.campaignId,
    type: row.type,
    content: row.content,
    metadata: row.metadata,
    createdAt: row.createdAt.toISOString(),
    agentName: row.agentName,
  }
}

/** What a campaign's summary shows of its row: its state and its brief's theme, never the whole brief. */
export type SummaryRow = Pick<CampaignRow, 'id' | 'status' | 'stage' | 'createdAt' | 'updatedAt' | 'completedAt'> & { theme: string }

export function toSummary(row: SummaryRow, audit: AuditVerdict | null): CampaignSummary {
  return {
    id: row.id,
    theme: row.theme,
    status: row.status as CampaignStatus,
    stage: row.stage as CampaignStage | null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: iso(row.completedAt),
    complianceStatus: audit?.verdict ?? 'NotAudited',
    complianceScore: audit?.complianceScore ?? null,
  }
}

export function toDetail(row: CampaignRow, { current, audit, feedback, feedbackCount }: CampaignDetailState): CampaignDetail {
  return {
    ...toSummary({ ...row, theme: row.brief.theme }, audit),
    brief: row.brief,
    briefChecks: briefChecksOf(row),
    statusReason: row.statusReason,
    updatedAt: row.updatedAt.toISOString(),
    revisionNumber: row.revisionNumber,
    reviewFeedback: feedback.map(toReviewFeedback),
    reviewFeedbackCount: feedbackCount,
    artifacts: current.map(version => ({
      id: version.id,
      type: version.type,
      status: version.status as ArtifactVersionStatus,
      iteration: version.iteration,
      createdAt: version.createdAt.toISOString(),
    })),
  }
}

export function toSnapshot(row: CampaignRow, { current, audit, feedback, feedbackCount }: CampaignState): CampaignStatusSnapshot {
  return {
    campaignId: row.id,
    status: row.status as CampaignStatus,
    stage: row.stage as CampaignStage | null,
    statusReason: row.statusReason,
    revisionNumber: row.revisionNumber,
    artifacts: current.map(toArtifact),
    compliance: audit?.result ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: iso(row.completedAt),
    reviewFeedback: feedback.map(toReviewFeedback),
    reviewFeedbackCount: feedbackCount,
  }
}

export function toReviewFeedback(row: ReviewFeedbackRow): ReviewFeedback {
  return { id: row.id, reviewerName: row.reviewerName, decision: row.decision, comment: row.comment, createdAt: row.createdAt.toISOString() }
}

export function toVersion(row: ArtifactVersionRow, audit: ComplianceAuditRow | undefined): ArtifactVersion {
  return {
    ...toArtifact(row),
    iteration: row.iteration,
    status: row.status as ArtifactVersionStatus,
    feedback: row.feedback,
    tags: row.tags,
    audit: audit
      ? { id: audit.id, verdict: audit.result.verdict, complianceScore: audit.result.complianceScore, issueCount: audit.result.issues.length }
      : null,
  }
}
