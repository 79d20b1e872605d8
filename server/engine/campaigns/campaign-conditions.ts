import { and, eq, inArray, sql, type Placeholder, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { CampaignStage } from '#shared/campaign'
import { campaigns } from '../../db/schema'

/** The campaign `id`, if `ownerId` owns it. */
export function ownedBy(id: string | Placeholder, ownerId: string | Placeholder): SQL {
  return and(eq(campaigns.id, id), eq(campaigns.ownerId, ownerId))!
}

/** The campaign while its run's epoch is `epoch`: what every write of the run's executor requires. */
export function heldAt(campaignId: string | Placeholder, epoch: number | Placeholder): SQL {
  return and(eq(campaigns.id, campaignId), eq(campaigns.runEpoch, epoch))!
}

/** The same table under another name, for counting an owner's other campaigns inside a statement on one of them. */
const OWNERS_CAMPAIGNS = 'owners_campaigns'
const ownersCampaigns = alias(campaigns, OWNERS_CAMPAIGNS)

/** `ownerId` has fewer than `limit` campaigns InProgress in one of `runningStages`. */
export function fewerRunsUnderWay(ownerId: Placeholder, runningStages: readonly CampaignStage[], limit: Placeholder): SQL {
  const underWay = and(eq(ownersCampaigns.ownerId, ownerId), eq(ownersCampaigns.status, 'InProgress'), inArray(ownersCampaigns.stage, [...runningStages]))
  return sql`(SELECT count(*) FROM ${campaigns} AS ${sql.identifier(OWNERS_CAMPAIGNS)} WHERE ${underWay}) < ${limit}`
}

/** A campaign in none of `stages`, or in no stage at all. */
export function notInStages(stages: readonly CampaignStage[]): SQL {
  return sql`coalesce(${campaigns.stage}, '') NOT IN (${sql.join(stages.map(stage => sql`${stage}`), sql`, `)})`
}
