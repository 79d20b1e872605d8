import { and, eq, sql, type Placeholder, type SQL } from 'drizzle-orm'
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

/** A campaign in none of `stages`, or in no stage at all. */
export function notInStages(stages: readonly CampaignStage[]): SQL {
  return sql`coalesce(${campaigns.stage}, '') NOT IN (${sql.join(stages.map(stage => sql`${stage}`), sql`, `)})`
}
