import type { ArtifactType, ComplianceAuditResult } from '#shared/campaign'
import type { BriefCheck } from '#shared/brief-contract'
import type { ArtifactVersionRow, CampaignRow, ComplianceAuditRow } from '../../db/schema'
import { auditArtifactsInTurns, type AuditTurns } from '../compliance'
import { briefChecksOf } from './brief-checks'
import type { CampaignRepository, JudgedAudit } from './campaign-repository'

export type Auditor = (input: {
  campaignId: string
  brief: CampaignRow['brief']
  checks: readonly BriefCheck[]
  artifacts: Array<{ type: ArtifactType, content: string, metadata: unknown }>
}) => Promise<ComplianceAuditResult>

/** Where an audit and the statuses it gives are stored: the repository, or a run's fenced writes. */
export interface AuditStore {
  appendJudgedAudit: (judged: JudgedAudit) => Promise<ComplianceAuditRow>
}

export interface CurrentAudit {
  result: ComplianceAuditResult
  audit: ComplianceAuditRow
  /** The types with High issues that are not approved. */
  flagged: Set<ArtifactType>
  /** The current versions with the status the audit gave them. */
  current: ArtifactVersionRow[]
}

/**
 * Audits the current version of each type, read from the database, and stores the audit with the
 * status it gives each version: a person's change, made under the campaign's row lock.
 */
export async function auditCurrentVersions(repository: CampaignRepository, campaign: CampaignRow, audit: Auditor): Promise<CurrentAudit> {
  const store: AuditStore = { appendJudgedAudit: judged => repository.appendJudgedAudit(campaign.id, judged) }
  return auditVersions(await repository.currentVersions(campaign.id), campaign, audit, store)
}

/**
 * Audits `current` (the newest version of each type), stores the audit in `store` (a run passes its
 * fenced writes) and marks each version it judged flagged (High issues) or passed, in one write.
 * Approved versions keep their approval: that is the marketer's call.
 */
export async function auditVersions(current: ArtifactVersionRow[], campaign: CampaignRow, audit: Auditor, store: AuditStore): Promise<CurrentAudit> {
  const result = await audit({
    campaignId: campaign.id,
    brief: campaign.brief,
    checks: briefChecksOf(campaign).checks,
    artifacts: current.map(version => ({ type: version.type, content: version.content, metadata: version.metadata })),
  })
  const flagged = new Set(result.issues.filter(issue => issue.severity === 'High').map(issue => issue.artifactType as ArtifactType))
  const unapproved = current.filter(version => version.status !== 'Approved')
  const isFlagged = (version: ArtifactVersionRow) => flagged.has(version.type)
  const stored = await store.appendJudgedAudit({
    result,
    flaggedIds: unapproved.filter(isFlagged).map(version => version.id),
    passedIds: unapproved.filter(version => !isFlagged(version)).map(version => version.id),
  })
  for (const version of current) if (version.status === 'Approved') flagged.delete(version.type)
  // What was just stored, without reading it back: nothing else changes a version's status meanwhile
  // (a run holds the campaign until it ends; an edit holds its row lock).
  const judged = current.map(version => version.status === 'Approved'
    ? version
    : { ...version, status: isFlagged(version) ? 'Flagged' as const : 'Passed' as const, auditId: stored.id })
  return { result, audit: stored, flagged, current: judged }
}

/**
 * The audit of a person's change: the rule-based audit alone (no model call), keeping the model's
 * findings of the last audit for the artifacts that did not change, as they still apply. Its checks
 * run in slices, as a run's do: a brief with every constraint and banned term it may hold, over
 * artifacts at their longest, takes 25–45 ms to audit, and an edit must not hold every other
 * request, hub message and run that long.
 */
export function personChangeAuditor(previous: ComplianceAuditResult | null, changed: ArtifactType, inTurns: AuditTurns = {}): Auditor {
  return async (input) => {
    const result = await auditArtifactsInTurns(input, inTurns)
    const kept = (previous?.issues ?? []).filter(issue => issue.source === 'model' && issue.artifactType !== changed)
    return kept.length === 0 ? result : { ...result, issues: [...result.issues, ...kept] }
  }
}
