import { analyzeBrief, type BriefCheck } from '#shared/brief-contract'
import type { ArtifactType, AuditedCheck, CampaignBrief, ComplianceAuditResult, ComplianceIssue, Severity, Verdict } from '#shared/campaign'
import { substantiationsOf } from '../content/brief-constraints'
import { runTurns, type LoopTurns } from '../orchestrator/loop-turns'
import { toAuditedArtifact, type ArtifactUnderAudit } from './audited-artifact'
import { AUDIT_RULES } from './catalogue'
import { auditBriefCheck, auditRule } from './contract/audit-check'
import type { AuditContext } from './rule'
import { categoryScores, passedShare, verdictFor, type CheckOutcome } from './scoring'

export interface AuditInput {
  campaignId: string
  brief: CampaignBrief
  /** The checks stored with the campaign; read from the brief when absent. */
  checks?: readonly BriefCheck[]
  artifacts: ArtifactUnderAudit[]
  now?: Date
}

const SEVERITY_ORDER: readonly Severity[] = ['High', 'Medium', 'Low']

/** `unlisted`: places the checks failed beyond those listed as issues (MAX_LISTED_OCCURRENCES). */
function summarise(verdict: Verdict, score: number, issues: readonly ComplianceIssue[], unlisted: number): string {
  if (issues.length === 0) return `${verdict} (${score}/100): no issues found.`
  const counts = SEVERITY_ORDER.map(severity => `${issues.filter(issue => issue.severity === severity).length} ${severity.toLowerCase()}`)
  const more = unlisted > 0 ? ` (and ${unlisted} more place${unlisted === 1 ? '' : 's'} like them, not listed)` : ''
  const first = [...issues].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity))[0]
  const next = first ? ` First: ${first.recommendation} (${first.artifactType}, ${first.location}).` : ''
  return `${verdict} (${score}/100): ${counts.join(', ')} severity issue${issues.length === 1 ? '' : 's'}${more}.${next}`
}

/** The seed's issue list: one issue per place a check failed, in report order. */
function issuesOf(check: AuditedCheck, severities: ReadonlyArray<Severity | undefined> = []): ComplianceIssue[] {
  return check.occurrences.map((occurrence, index) => ({
    artifactType: occurrence.artifactType,
    issueDescription: occurrence.description,
    severity: severities[index] ?? check.severity,
    ruleId: check.ruleId,
    category: check.category,
    location: occurrence.location,
    recommendation: occurrence.recommendation,
    source: 'rules',
    checkId: check.checkId,
    ...(occurrence.excerpt !== undefined && { excerpt: occurrence.excerpt, start: occurrence.start, end: occurrence.end }),
  }))
}

function outcomesOf(check: AuditedCheck): Array<CheckOutcome & { artifactType: ArtifactType }> {
  return check.results.filter(result => result.status !== 'not-applicable')
    .map(result => ({ artifactType: result.artifactType, category: check.category, passed: result.status === 'passed' }))
}

/**
 * Audits every artifact against each of the brief's checks, then the general rules. A check applied to
 * one artifact is tested, or not applicable; the score is checks passed ÷ checks tested, overall and per
 * artifact (the verdict rules are in docs/DESIGN.md, "The audit").
 */
export function auditArtifacts(input: AuditInput): ComplianceAuditResult {
  const steps = auditSteps(input)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/**
 * How long the audit runs its checks back to back before it lets the event loop turn: well under
 * the 10 ms a turn should take at most. A whole audit of a campaign on every platform took about 7 ms
 * (up to 12) on an idle core; its checks and rules take 0.01–2.7 ms each.
 */
export const AUDIT_SLICE_MS = 2

/** Where the audit waits for its turns (the runs' share of the loop by default), and its clock. */
export interface AuditTurns {
  turns?: Pick<LoopTurns, 'pass'>
  now?: () => number
}

/**
 * `auditArtifacts` letting the event loop turn (`turns.pass()`) once a slice of its checks has run:
 * as one step, an audit held up every request and run step waiting behind it. Turning after every
 * check instead stretched each run over many turns, and the embedded database, which only a run's
 * writes keep busy, sat idle meanwhile (the engine benchmark's runs/s fell by about a sixth).
 */
export async function auditArtifactsInTurns(
  input: AuditInput,
  { turns = runTurns, now = () => performance.now() }: AuditTurns = {},
): Promise<ComplianceAuditResult> {
  const steps = auditSteps(input)
  let sliceStartedAt = now()
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    if (now() - sliceStartedAt < AUDIT_SLICE_MS) continue
    await turns.pass()
    sliceStartedAt = now()
  }
}

/** The audit, pausing (`yield`) after each check and rule: the callers above decide what a pause is. */
function* auditSteps(input: AuditInput): Generator<void, ComplianceAuditResult, void> {
  const allChecks = input.checks ?? analyzeBrief(input.brief).checks
  const briefChecks = allChecks.filter(check => check.kind !== 'substantiation')
  const substantiations = substantiationsOf(allChecks)
  const context: AuditContext = { brief: input.brief, substantiations }
  const artifacts = input.artifacts.map(toAuditedArtifact)

  const checks: AuditedCheck[] = []
  for (const briefCheck of briefChecks) {
    checks.push(auditBriefCheck(briefCheck, artifacts, substantiations))
    yield
  }
  const issues = checks.flatMap(check => issuesOf(check))
  for (const rule of AUDIT_RULES) {
    const { check, findings } = auditRule(rule, artifacts, context)
    yield
    // A general rule that applies to none of these artifacts says nothing about them.
    if (check.results.every(result => result.status === 'not-applicable')) continue
    checks.push(check)
    issues.push(...issuesOf(check, findings.map(({ finding }) => finding.severity)))
  }

  const outcomes = checks.flatMap(outcomesOf)
  const complianceScore = passedShare(outcomes)
  const verdict = verdictFor(complianceScore, issues.some(issue => issue.severity === 'High'))
  const artifactScores = Object.fromEntries([...new Set(artifacts.map(artifact => artifact.type))]
    .map(type => [type, passedShare(outcomes.filter(outcome => outcome.artifactType === type))]))
  return {
    campaignId: input.campaignId,
    isCompliant: verdict === 'Pass',
    complianceScore,
    issues,
    feedback: summarise(verdict, complianceScore, issues, checks.flatMap(check => check.results).reduce((sum, result) => sum + (result.unlisted ?? 0), 0)),
    auditedAt: (input.now ?? new Date()).toISOString(),
    verdict,
    categoryScores: categoryScores(outcomes),
    checks,
    checksPassed: outcomes.filter(outcome => outcome.passed).length,
    checksTested: outcomes.length,
    artifactScores,
  }
}
