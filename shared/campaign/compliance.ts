import type { BriefLine } from '../brief-contract/checks'
import type { ArtifactType } from './artifacts'

export type Severity = 'Low' | 'Medium' | 'High'
export const RULE_CATEGORIES = ['tone', 'clarity', 'compliance', 'accessibility', 'risk'] as const
export type RuleCategory = (typeof RULE_CATEGORIES)[number]
export type Verdict = 'Pass' | 'Conditional' | 'Fail'

/** The seed's `ComplianceIssue`, plus where it is and what to do about it. */
export interface ComplianceIssue {
  artifactType: ArtifactType | string
  issueDescription: string
  severity: Severity
  ruleId: string
  category: RuleCategory
  /** Where in the artifact, e.g. "headlines[1]" or "x variant 2". */
  location: string
  /** What to do, in the imperative. */
  recommendation: string
  /** `rules` for the deterministic engine, `model` for a language model's review. */
  source: 'rules' | 'model'
  /** The audited check this issue fails (see `ComplianceAuditResult.checks`). */
  checkId?: string
  /** The offending words, when the issue is words that are there (not something missing). */
  excerpt?: string
  /** Where the excerpt starts and ends in the text at `location`, in UTF-16 code units. */
  start?: number
  end?: number
}

export type CheckStatus = 'passed' | 'failed' | 'not-applicable'

/** The offending words with a little of the text around them, for highlighting where they sit. */
export interface TextSnippet {
  before: string
  match: string
  after: string
}

/** One place an audited check failed. */
export interface CheckOccurrence {
  artifactType: ArtifactType
  location: string
  description: string
  recommendation: string
  excerpt?: string
  start?: number
  end?: number
  snippet?: TextSnippet
}

/** One check (a brief line's check or a general rule) across every artifact, as the report shows it. */
export interface AuditedCheck {
  checkId: string
  ruleId: string
  /** What the check asks for, in a marketer's words. */
  title: string
  severity: Severity
  category: RuleCategory
  /** The brief line it came from; null for the general rules. */
  source: BriefLine | null
  /** Published guidance the check follows, when it follows any. */
  guidance?: string
  /** `unlisted`: places the check failed in that artifact beyond the MAX_LISTED_OCCURRENCES listed. */
  results: Array<{ artifactType: ArtifactType, status: CheckStatus, unlisted?: number }>
  occurrences: CheckOccurrence[]
}

/**
 * The most places one check lists (and reports as issues) in one artifact; the others are counted.
 * A text that repeats a ruled-out word thousands of times would otherwise make an audit of tens of
 * megabytes, stored, and sent in every snapshot to everyone watching the campaign.
 */
export const MAX_LISTED_OCCURRENCES = 10

/** The seed's `ComplianceAuditResult`, plus the verdict and per-category scores. */
export interface ComplianceAuditResult {
  campaignId: string
  isCompliant: boolean
  complianceScore: number
  issues: ComplianceIssue[]
  feedback: string
  auditedAt: string
  verdict: Verdict
  categoryScores: Record<RuleCategory, number>
  /** Every check with its result per artifact; audits recorded before checks were reported have none. */
  checks?: AuditedCheck[]
  /** Checks passed and checks tested (not applicable ones excluded): `complianceScore` is their ratio. */
  checksPassed?: number
  checksTested?: number
  /** The same ratio per artifact type. */
  artifactScores?: Partial<Record<ArtifactType, number>>
}

/** The seed's `GenerationError`. */
export interface GenerationError {
  campaignId: string
  errorMessage: string
  failedAt: string
}
