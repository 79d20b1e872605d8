import type { BriefCheck, BriefCheckKind } from '#shared/brief-contract'
import type { RuleCategory, Severity } from '#shared/campaign'

export interface CheckProfile {
  category: RuleCategory
  severity: Severity
}

/** How much a broken brief check matters: what the marketer ruled out or required is High. */
const PROFILES: Readonly<Record<BriefCheckKind, CheckProfile>> = {
  'must-mention': { category: 'compliance', severity: 'High' },
  'must-not-say': { category: 'compliance', severity: 'High' },
  'claim-class': { category: 'risk', severity: 'High' },
  'max-length': { category: 'compliance', severity: 'High' },
  'platform-fit': { category: 'compliance', severity: 'High' },
  'required-link': { category: 'compliance', severity: 'High' },
  'call-to-action': { category: 'clarity', severity: 'High' },
  'required-disclaimer': { category: 'compliance', severity: 'High' },
  'required-hashtags': { category: 'compliance', severity: 'Medium' },
  'max-hashtags': { category: 'compliance', severity: 'Medium' },
  'emoji': { category: 'tone', severity: 'Medium' },
  'reading-level': { category: 'clarity', severity: 'Medium' },
  'language': { category: 'clarity', severity: 'High' },
  'substantiation': { category: 'risk', severity: 'Low' },
}

/** The brand name is identity, not a requirement the marketer wrote: missing it is worth fixing, not blocking. */
export function profileOf(check: BriefCheck): CheckProfile {
  if (check.source.field === 'brand.name') return { category: 'clarity', severity: 'Medium' }
  return PROFILES[check.kind]
}

/** The check's id in reports and issues: `brief.<kind>`, beside the general rules' own ids. */
export function ruleIdOf(check: BriefCheck): string {
  return `brief.${check.kind}`
}
