import { count, sql, type SQL } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Database } from './database'

/** Where a cap applies: the rows of `table` that `counted` matches, all belonging to one `key` (an owner, a campaign). */
export interface CappedScope<T extends PgTable> {
  table: T
  /** The advisory-lock namespace of this kind of row: one number per capped table. */
  lockSpace: number
  /** The scope's key: inserts under the same key take turns. */
  key: string
  counted: SQL | undefined
  cap: number
}

/**
 * Inserts `values` unless the scope already holds `cap` counted rows; null then. The count and the
 * insert hold an advisory lock on the scope's key until the transaction ends, so racing inserts cannot
 * pass the cap, on PGlite or PostgreSQL, on one instance or several. `prune`, run first under the same
 * lock, may delete rows that no longer matter, making room.
 */
export async function insertUnderCap<T extends PgTable>(
  db: Database,
  scope: CappedScope<T>,
  values: T['$inferInsert'],
  prune?: (transaction: Database) => Promise<unknown>,
): Promise<T['$inferSelect'] | null> {
  return db.transaction(async (transaction) => {
    await transaction.execute(sql`SELECT pg_advisory_xact_lock(${scope.lockSpace}, hashtext(${scope.key}))`)
    await prune?.(transaction)
    const [held] = await transaction.select({ count: count() }).from(scope.table as PgTable).where(scope.counted)
    if ((held?.count ?? 0) >= scope.cap) return null
    const [row] = await transaction.insert(scope.table).values(values).returning() as Array<T['$inferSelect']>
    return row!
  })
}
