import type { CampaignRow } from '../../db/schema'
import type { CampaignEvents } from '../orchestrator/campaign-events'
import type { CampaignRepository } from './campaign-repository'
import { loadCampaignState } from './campaign-state'
import { toSnapshot } from './campaign-views'

/** Tells the campaign's followers and its owner's open pages where the campaign now stands. */
export async function announceStatus(repository: CampaignRepository, events: CampaignEvents, row: CampaignRow): Promise<void> {
  events.statusChanged(row.ownerId, toSnapshot(row, await loadCampaignState(repository, row.id)))
}
