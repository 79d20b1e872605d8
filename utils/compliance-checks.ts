import type { AuditedCheck, CheckStatus, ComplianceAuditResult } from '#shared/campaign'

/** A check's result over every artifact: failed if it failed anywhere, passed if it passed where tested. */
export function overallStatus(check: AuditedCheck): CheckStatus {
  const tested = check.results.filter(result => result.status !== 'not-applicable')
  if (tested.length === 0) return 'not-applicable'
  return tested.some(result => result.status === 'failed') ? 'failed' : 'passed'
}

export const CHECK_STATUS_LABELS: Record<CheckStatus, string> = { 'passed': 'Passed', 'failed': 'Failed', 'not-applicable': 'Not applicable' }

const SEVERITY_RANK = { High: 0, Medium: 1, Low: 2 } as const

/** Failed checks first, the most severe first; then passed; then those that applied to nothing. */
export function checksInReportOrder(checks: readonly AuditedCheck[]): Array<{ status: CheckStatus, checks: AuditedCheck[] }> {
  const order: CheckStatus[] = ['failed', 'passed', 'not-applicable']
  return order.map(status => ({
    status,
    checks: checks.filter(check => overallStatus(check) === status).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]),
  })).filter(group => group.checks.length > 0)
}

/** "23 of 25 checks passed", the line the report and the progress panel both show beside the score. */
export function checksPassedLine(result: ComplianceAuditResult): string | null {
  if (result.checksTested === undefined || result.checksPassed === undefined) return null
  return `${result.checksPassed} of ${result.checksTested} checks passed`
}
