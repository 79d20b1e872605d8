import { RULE_CATEGORIES, type RuleCategory, type Verdict } from '#shared/campaign'

/** Pass needs this score and no High issue. */
export const PASS_SCORE = 85
/** Below this score, or with any High issue, the verdict is Fail; in between it is Conditional. */
export const FAIL_SCORE = 60

/** One check tested on one artifact; checks that do not apply to it are not outcomes. */
export interface CheckOutcome {
  category: RuleCategory
  passed: boolean
}

/** Checks passed ÷ checks tested, 0–100; 100 when nothing was tested. */
export function passedShare(checks: readonly CheckOutcome[]): number {
  if (checks.length === 0) return 100
  return Math.round((checks.filter(check => check.passed).length / checks.length) * 100)
}

export function categoryScores(checks: readonly CheckOutcome[]): Record<RuleCategory, number> {
  return Object.fromEntries(RULE_CATEGORIES.map(category =>
    [category, passedShare(checks.filter(check => check.category === category))])) as Record<RuleCategory, number>
}

/** Fail: any High issue or a score below 60. Pass: no High issue and a score of 85 or more. Otherwise Conditional. */
export function verdictFor(score: number, hasHighIssue: boolean): Verdict {
  if (hasHighIssue || score < FAIL_SCORE) return 'Fail'
  return score >= PASS_SCORE ? 'Pass' : 'Conditional'
}
