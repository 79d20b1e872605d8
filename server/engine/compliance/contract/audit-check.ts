import { describeCheck, guidanceFor, type BriefCheck } from '#shared/brief-contract'
import { MAX_LISTED_OCCURRENCES, type AuditedCheck, type CheckOccurrence, type CheckStatus } from '#shared/campaign'
import type { AuditedArtifact } from '../audited-artifact'
import type { AuditContext, Finding, Rule } from '../rule'
import { profileOf, ruleIdOf } from './check-profile'
import { evaluateCheck, type Miss } from './evaluate-check'

type Result = AuditedCheck['results'][number]

function statusOf(misses: readonly unknown[] | null): CheckStatus {
  if (misses === null) return 'not-applicable'
  return misses.length === 0 ? 'passed' : 'failed'
}

function occurrence(artifact: AuditedArtifact, miss: Miss): CheckOccurrence {
  const { span, ...rest } = miss
  return span
    ? { artifactType: artifact.type, ...rest, excerpt: span.excerpt, start: span.start, end: span.end, snippet: span.snippet }
    : { artifactType: artifact.type, ...rest }
}

/** An artifact's result for a check whose misses (or findings) were `found`, with the ones it lists. */
function resultOf<T>(artifact: AuditedArtifact, found: readonly T[] | null): { result: Result, listed: readonly T[] } {
  const unlisted = Math.max(0, (found?.length ?? 0) - MAX_LISTED_OCCURRENCES)
  return {
    result: { artifactType: artifact.type, status: statusOf(found), ...(unlisted > 0 && { unlisted }) },
    listed: found?.slice(0, MAX_LISTED_OCCURRENCES) ?? [],
  }
}

/** One of the brief's checks over every artifact. */
export function auditBriefCheck(check: BriefCheck, artifacts: readonly AuditedArtifact[], substantiations: readonly string[]): AuditedCheck {
  const results: Result[] = []
  const occurrences: CheckOccurrence[] = []
  for (const artifact of artifacts) {
    const { result, listed } = resultOf(artifact, evaluateCheck(check, artifact, substantiations))
    results.push(result)
    occurrences.push(...listed.map(miss => occurrence(artifact, miss)))
  }
  const guidance = guidanceFor(check)
  return {
    checkId: check.id,
    ruleId: ruleIdOf(check),
    title: describeCheck(check),
    ...profileOf(check),
    source: check.source,
    ...(guidance && { guidance }),
    results,
    occurrences,
  }
}

function ruleOccurrence(rule: Rule, artifact: AuditedArtifact, finding: Finding): CheckOccurrence {
  return {
    artifactType: artifact.type,
    location: finding.location,
    description: finding.description,
    recommendation: finding.recommendation ?? rule.recommendation,
  }
}

/** One general rule over every artifact it applies to; a rule's own severity can be lowered per finding. */
export function auditRule(rule: Rule, artifacts: readonly AuditedArtifact[], context: AuditContext): { check: AuditedCheck, findings: Array<{ artifact: AuditedArtifact, finding: Finding }> } {
  const results: Result[] = []
  const findings: Array<{ artifact: AuditedArtifact, finding: Finding }> = []
  for (const artifact of artifacts) {
    const { result, listed } = resultOf(artifact, rule.appliesTo.includes(artifact.type) ? rule.check(artifact, context) : null)
    results.push(result)
    findings.push(...listed.map(finding => ({ artifact, finding })))
  }
  return {
    check: {
      checkId: rule.id,
      ruleId: rule.id,
      title: rule.title,
      severity: rule.severity,
      category: rule.category,
      source: null,
      results,
      occurrences: findings.map(({ artifact, finding }) => ruleOccurrence(rule, artifact, finding)),
    },
    findings,
  }
}
