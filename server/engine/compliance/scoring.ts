import { RULE_CATEGORIES, type RuleCategory, type Severity, type Verdict } from '#shared/campaign'

/** How much a check counts towards the score: one High check weighs as much as five Low ones. */
export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = { High: 5, Medium: 3, Low: 1 }

/** Pass needs this score and no High issue. */
export const PASS_SCORE = 85
/** Below this score, or with any High issue, the verdict is Fail; in between it is Conditional. */
export const FAIL_SCORE = 60

/** One rule applied to one artifact; it passes when the rule found nothing. */
export interface CheckOutcome {
  category: RuleCategory
  severity: Severity
  passed: boolean
}

/** The weighted share of checks passed, 0–100; 100 when nothing was checked. */
export function weightedScore(checks: readonly CheckOutcome[]): number {
  const total = checks.reduce((sum, check) => sum + SEVERITY_WEIGHTS[check.severity], 0)
  if (total === 0) return 100
  const passed = checks.reduce((sum, check) => sum + (check.passed ? SEVERITY_WEIGHTS[check.severity] : 0), 0)
  return Math.round((passed / total) * 100)
}

export function categoryScores(checks: readonly CheckOutcome[]): Record<RuleCategory, number> {
  return Object.fromEntries(RULE_CATEGORIES.map(category =>
    [category, weightedScore(checks.filter(check => check.category === category))])) as Record<RuleCategory, number>
}

/** Fail: any High issue or a score below 60. Pass: no High issue and a score of 85 or more. Otherwise Conditional. */
export function verdictFor(score: number, hasHighIssue: boolean): Verdict {
  if (hasHighIssue || score < FAIL_SCORE) return 'Fail'
  return score >= PASS_SCORE ? 'Pass' : 'Conditional'
}
