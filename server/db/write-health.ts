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

  async observe<T>(sql: string, run: () => Promise<T>): Promise<T> {
    try {
      const result = await run()
      if (WRITE.test(sql)) this.failing = false
      return result
    }
    catch (error) {
      if (isStorageFailure(error)) this.failing = true
      throw error
    }
  }
}
