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
}

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
}

/** The seed's `GenerationError`. */
export interface GenerationError {
  campaignId: string
  errorMessage: string
  failedAt: string
}
