import type { ComplianceAuditResult } from '#shared/campaign'
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

/** What a campaign's detail shows of a current version; its text and metadata are read apart. */
export type ArtifactVersionHead = Pick<ArtifactVersionRow, 'id' | 'type' | 'status' | 'iteration' | 'createdAt'>

/** What a campaign's summary and detail show of its latest audit. */
export type AuditVerdict = Pick<ComplianceAuditResult, 'verdict' | 'complianceScore'>

/**
 * What a campaign's REST detail shows besides its row: CampaignState without the bodies of the
 * versions and of the audit, which the detail does not show and its read need not carry.
 */
export interface CampaignDetailState {
  current: ArtifactVersionHead[]
  audit: AuditVerdict | null
  feedback: ReviewFeedbackRow[]
  feedbackCount: number
}

export function detailStateOf(state: CampaignState): CampaignDetailState {
  return { ...state, audit: state.audit?.result ?? null }
}

/** A campaign that has just been created: nothing written, audited or reviewed yet. */
export const EMPTY_CAMPAIGN_STATE: CampaignState = { current: [], audit: null, feedback: [], feedbackCount: 0 }

/** One statement (see CampaignRepository.state). */
export async function loadCampaignState(repository: CampaignRepository, campaignId: string): Promise<CampaignState> {
  return repository.state(campaignId)
}
