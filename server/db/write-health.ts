import { isStorageFailure } from './storage-failure'

/** Statements that change data: one of them succeeding shows the database takes writes again. */
const WRITE = /^\s*(?:insert|update|delete)\b/i

/**
 * Whether the database is taking writes: a statement that fails for a storage reason (a full disk, a
 * read-only database …) marks it failing, and it stays so until a write succeeds. Reads succeeding
 * prove nothing here: a full disk still answers SELECT.
 */
export class WriteHealth {
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

interface QueryClient {
  // Both drivers take the SQL first, as a string (PGlite) or as `{ text }` (node-postgres).
  query: (...args: never[]) => Promise<unknown>
}

/** Routes every statement `client.query` runs (all Drizzle's, outside transactions) through `health`. */
export function observeWrites(client: QueryClient, health: WriteHealth): void {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>
  client.query = ((...args: unknown[]) => health.observe(sqlText(args[0]), () => query(...args))) as QueryClient['query']
}

function sqlText(statement: unknown): string {
  if (typeof statement === 'string') return statement
  const text = (statement as { text?: unknown } | undefined)?.text
  return typeof text === 'string' ? text : ''
}
