import type { CampaignRow } from '../../db/schema'
import type { CampaignEvents } from '../orchestrator/campaign-events'
import type { CampaignRepository } from './campaign-repository'
import { toSnapshot } from './campaign-views'

/** Tells the campaign's followers and its owner's open pages where the campaign now stands. */
export async function announceStatus(repository: CampaignRepository, events: CampaignEvents, row: CampaignRow): Promise<void> {
  const [current, audit] = await Promise.all([repository.currentVersions(row.id), repository.latestAudit(row.id)])
  events.statusChanged(row.ownerId, toSnapshot(row, current, audit))
}
