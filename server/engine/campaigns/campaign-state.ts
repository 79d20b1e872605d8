import type { ArtifactVersionRow, ComplianceAuditRow, ReviewFeedbackRow } from '../../db/schema'
import type { CampaignRepository } from './campaign-repository'

/** What a campaign's detail and snapshot show besides the campaign row itself. */
export interface CampaignState {
  current: ArtifactVersionRow[]
  audit: ComplianceAuditRow | null
  /** The newest feedback only, so a snapshot stays small however much reviewers said. */
  feedback: ReviewFeedbackRow[]
  feedbackCount: number
}

/** A campaign that has just been created: nothing written, audited or reviewed yet. */
export const EMPTY_CAMPAIGN_STATE: CampaignState = { current: [], audit: null, feedback: [], feedbackCount: 0 }

/** One statement (see CampaignRepository.state). */
export async function loadCampaignState(repository: CampaignRepository, campaignId: string): Promise<CampaignState> {
  return repository.state(campaignId)
}
