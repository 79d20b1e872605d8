import type {
  ArtifactType, CampaignArtifact, CampaignStatusSnapshot, ComplianceAuditResult, ReviewFeedback,
} from '#shared/campaign'

export const CAMPAIGN_ID = 'camp_test'

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, second)).toISOString()

export function snapshot(second: number, fields: Partial<CampaignStatusSnapshot> = {}): CampaignStatusSnapshot {
  return {
    campaignId: CAMPAIGN_ID,
    status: 'InProgress',
    stage: 'Generating',
    statusReason: null,
    revisionNumber: 0,
    artifacts: [],
    compliance: null,
    createdAt: at(0),
    updatedAt: at(second),
    completedAt: null,
    reviewFeedback: [],
    reviewFeedbackCount: 0,
    ...fields,
  }
}

export function artifact(type: ArtifactType, iteration: number, second = iteration): CampaignArtifact {
  return {
    id: `art_${type}_${iteration}`,
    campaignId: CAMPAIGN_ID,
    type,
    content: `${type} version ${iteration}`,
    metadata: { model: 'offline-writer', iteration, headlines: [], body: { short: '', medium: '', long: '' }, callsToAction: [], toneNote: '' },
    createdAt: at(second),
    agentName: `${type}Agent`,
  }
}

export function audit(second: number, fields: Partial<ComplianceAuditResult> = {}): ComplianceAuditResult {
  return {
    campaignId: CAMPAIGN_ID,
    isCompliant: true,
    complianceScore: 90,
    issues: [],
    feedback: 'Fine',
    auditedAt: at(second),
    verdict: 'Pass',
    categoryScores: { tone: 90, clarity: 90, compliance: 90, accessibility: 90, risk: 90 },
    ...fields,
  }
}

/** The `n`th post reviewers left, given at second `n`. */
export function feedback(n: number): ReviewFeedback {
  return { id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, reviewerName: `Reviewer ${n}`, decision: 'approve', comment: `Comment ${n}`, createdAt: at(n) }
}

/** Posts `from` to `to`, oldest first, as the server lists them. */
export const feedbackRange = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => feedback(from + i))

export { at }
