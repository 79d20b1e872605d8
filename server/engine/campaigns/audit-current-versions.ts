import type { ArtifactType, ComplianceAuditResult } from '#shared/campaign'
import type { BriefCheck } from '#shared/brief-contract'
import type { ArtifactVersionRow, CampaignRow, ComplianceAuditRow } from '../../db/schema'
import { auditArtifacts } from '../compliance'
import { briefChecksOf } from './brief-checks'
import type { CampaignRepository } from './campaign-repository'

export type Auditor = (input: {
  campaignId: string
  brief: CampaignRow['brief']
  checks: readonly BriefCheck[]
  artifacts: Array<{ type: ArtifactType, content: string, metadata: unknown }>
}) => Promise<ComplianceAuditResult>

/** Where an audit and the statuses it gives are stored: the repository, or a run's fenced writes. */
export interface AuditStore {
  appendAudit: (result: ComplianceAuditResult) => Promise<ComplianceAuditRow>
  setAuditedStatus: (auditId: string, flaggedIds: string[], passedIds: string[]) => Promise<void>
}

/** The repository as an audit store: a person's change, made under the campaign's row lock. */
function repositoryStore(repository: CampaignRepository, campaignId: string): AuditStore {
  return {
    appendAudit: result => repository.appendAudit(campaignId, result),
    setAuditedStatus: (auditId, flaggedIds, passedIds) => repository.setAuditedStatus(auditId, flaggedIds, passedIds),
  }
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
 * Audits the current version of each type, stores the audit (in `store`: a run passes its fenced
 * writes) and marks each version it judged flagged (High issues) or passed. Approved versions keep their approval: that is the marketer's call.
 */
export async function auditCurrentVersions(
  repository: CampaignRepository, campaign: CampaignRow, audit: Auditor, store: AuditStore = repositoryStore(repository, campaign.id),
): Promise<CurrentAudit> {
  const current = await repository.currentVersions(campaign.id)
  const result = await audit({
    campaignId: campaign.id,
    brief: campaign.brief,
    checks: briefChecksOf(campaign).checks,
    artifacts: current.map(version => ({ type: version.type, content: version.content, metadata: version.metadata })),
  })
  const stored = await store.appendAudit(result)
  const flagged = new Set(result.issues.filter(issue => issue.severity === 'High').map(issue => issue.artifactType as ArtifactType))
  const unapproved = current.filter(version => version.status !== 'Approved')
  const isFlagged = (version: ArtifactVersionRow) => flagged.has(version.type)
  await store.setAuditedStatus(stored.id, unapproved.filter(isFlagged).map(version => version.id), unapproved.filter(version => !isFlagged(version)).map(version => version.id))
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
 * findings of the last audit for the artifacts that did not change, as they still apply.
 */
export function personChangeAuditor(previous: ComplianceAuditResult | null, changed: ArtifactType): Auditor {
  return async (input) => {
    const result = auditArtifacts(input)
    const kept = (previous?.issues ?? []).filter(issue => issue.source === 'model' && issue.artifactType !== changed)
    return kept.length === 0 ? result : { ...result, issues: [...result.issues, ...kept] }
  }
}
