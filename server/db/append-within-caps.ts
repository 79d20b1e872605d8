import { count, eq, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Database } from './database'

/** The most rows one review link, and one campaign across its links, may hold in a table. */
export interface PerLinkCaps {
  perLink: number
  perCampaign: number
}

/** Which cap a row would pass; nothing was stored. */
export interface CapReached {
  capReached: 'link' | 'campaign'
}

/**
 * Appends a row a reviewer sent through a link unless a cap is reached. Rows for one campaign take
 * turns (an advisory lock in `lockSpace`, held until the transaction ends), so two racing for the
 * last place cannot both take it, on any instance. `campaignCount` includes the new row.
 */
export async function appendWithinCaps<T extends PgTable>(
  db: Database,
  lockSpace: number,
  table: T,
  columns: { campaignId: PgColumn, linkId: PgColumn },
  values: T['$inferInsert'] & { campaignId: string, linkId: string },
  caps: PerLinkCaps,
): Promise<{ row: T['$inferSelect'], campaignCount: number } | CapReached> {
  return db.transaction(async (transaction) => {
    await transaction.execute(sql`SELECT pg_advisory_xact_lock(${lockSpace}, hashtext(${values.campaignId}))`)
    const [counts] = await transaction.select({
      link: sql<number>`count(*) FILTER (WHERE ${columns.linkId} = ${values.linkId})`.mapWith(Number),
      campaign: count(),
    }).from(table as PgTable).where(eq(columns.campaignId, values.campaignId))
    if ((counts?.link ?? 0) >= caps.perLink) return { capReached: 'link' as const }
    if ((counts?.campaign ?? 0) >= caps.perCampaign) return { capReached: 'campaign' as const }
    const [row] = await transaction.insert(table).values(values).returning() as Array<T['$inferSelect']>
    return { row: row!, campaignCount: (counts?.campaign ?? 0) + 1 }
  })
}
