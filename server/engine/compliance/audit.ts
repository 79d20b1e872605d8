import type { CampaignBrief, ComplianceAuditResult, ComplianceIssue, Severity, Verdict } from '#shared/campaign'
import type { BriefCheck } from '#shared/brief-contract'
import { readBriefDirectives } from '../content/brief-constraints'
import { toAuditedArtifact, type ArtifactUnderAudit } from './audited-artifact'
import { AUDIT_RULES } from './catalogue'
import type { AuditContext, Rule } from './rule'
import { categoryScores, verdictFor, weightedScore, type CheckOutcome } from './scoring'

export interface AuditInput {
  campaignId: string
  brief: CampaignBrief
  /** The checks stored with the campaign; read from the brief when absent. */
  checks?: readonly BriefCheck[]
  artifacts: ArtifactUnderAudit[]
  now?: Date
}

const SEVERITY_ORDER: readonly Severity[] = ['High', 'Medium', 'Low']

function issuesFrom(rule: Rule, artifactType: ArtifactUnderAudit['type'], findings: ReturnType<Rule['check']>): ComplianceIssue[] {
  return (findings ?? []).map(finding => ({
    artifactType,
    issueDescription: finding.description,
    severity: finding.severity ?? rule.severity,
    ruleId: rule.id,
    category: rule.category,
    location: finding.location,
    recommendation: finding.recommendation ?? rule.recommendation,
    source: 'rules',
  }))
}

function summarise(verdict: Verdict, score: number, issues: readonly ComplianceIssue[]): string {
  if (issues.length === 0) return `${verdict} (${score}/100): no issues found.`
  const counts = SEVERITY_ORDER.map(severity => `${issues.filter(issue => issue.severity === severity).length} ${severity.toLowerCase()}`)
  const first = [...issues].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity))[0]
  const next = first ? ` First: ${first.recommendation} (${first.artifactType}, ${first.location}).` : ''
  return `${verdict} (${score}/100): ${counts.join(', ')} severity issue${issues.length === 1 ? '' : 's'}.${next}`
}

/**
 * Runs every rule over every artifact. Each rule applied to one artifact is one check, weighted by the
 * rule's severity; the score is the weighted share of checks that found nothing.
 */
export function auditArtifacts(input: AuditInput): ComplianceAuditResult {
  const context: AuditContext = { brief: input.brief, directives: readBriefDirectives(input.brief) }
  const checks: CheckOutcome[] = []
  const issues: ComplianceIssue[] = []
  for (const artifact of input.artifacts.map(toAuditedArtifact)) {
    for (const rule of AUDIT_RULES) {
      if (!rule.appliesTo.includes(artifact.type)) continue
      const findings = rule.check(artifact, context)
      if (findings === null) continue
      checks.push({ category: rule.category, severity: rule.severity, passed: findings.length === 0 })
      issues.push(...issuesFrom(rule, artifact.type, findings))
    }
  }
  const complianceScore = weightedScore(checks)
  const verdict = verdictFor(complianceScore, issues.some(issue => issue.severity === 'High'))
  return {
    campaignId: input.campaignId,
    isCompliant: verdict === 'Pass',
    complianceScore,
    issues,
    feedback: summarise(verdict, complianceScore, issues),
    auditedAt: (input.now ?? new Date()).toISOString(),
    verdict,
    categoryScores: categoryScores(checks),
  }
}
