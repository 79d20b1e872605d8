import type { Database } from './database'
import type { StatementObserver } from './observe-statements'
import { isStorageFailure } from './storage-failure'

/** Statements that change data: one of them succeeding shows the database takes writes again. */
const WRITE = /^\s*(?:insert|update|delete)\b/i

/**
 * Whether the database is taking writes: a statement that fails for a storage reason (a full disk, a
 * read-only database …) marks it failing, and it stays so until a write succeeds. Reads succeeding
 * prove nothing here: a full disk still answers SELECT.
 */
export class WriteHealth implements StatementObserver {
  private failing = false

  get healthy(): boolean {
    return !this.failing
  }

  observe<T>(sql: string, run: () => Promise<T>): Promise<T> {
    return this.watch(run, WRITE.test(sql))
  }

  /**
   * A whole transaction, whose statements the statement observer does not see (they run on a
   * connection of the transaction's own): a storage failure inside it marks the database failing,
   * and its commit counts as a write that succeeded. Every transaction here exists to write; one
   * that a cap stopped before its insert counts too, a small optimism.
   */
  observeTransaction<T>(run: () => Promise<T>): Promise<T> {
    return this.watch(run, true)
  }

  private async watch<T>(run: () => Promise<T>, writes: boolean): Promise<T> {
    try {
      const result = await run()
      if (writes) this.failing = false
      return result
    }
    catch (error) {
      if (isStorageFailure(error)) this.failing = true
      throw error
    }
  }
}

/** Routes every transaction `db` runs through `health`. */
export function observeTransactions(db: Database, health: WriteHealth): void {
  const transaction = db.transaction.bind(db)
  db.transaction = ((work, config) => health.observeTransaction(() => transaction(work, config))) as Database['transaction']
}
