import { analyzeBrief, type BriefAnalysis } from '#shared/brief-contract'
import type { CampaignRow } from '../../db/schema'

/** The checks stored with the campaign; a campaign created before they were stored has its brief read now. */
export function briefChecksOf(row: Pick<CampaignRow, 'brief' | 'briefChecks'>): BriefAnalysis {
  return row.briefChecks ?? analyzeBrief(row.brief)
}
