/** Told of every statement: runs it, and may look at how it went. */
export interface StatementObserver {
  observe<T>(sql: string, run: () => Promise<T>): Promise<T>
}

interface QueryClient {
  // Both drivers take the SQL first, as a string (PGlite) or as `{ text }` (node-postgres).
  query: (...args: never[]) => Promise<unknown>
}

/** Routes every statement `client.query` runs (all Drizzle's, outside transactions) through each observer. */
export function observeStatements(client: QueryClient, observers: StatementObserver[]): void {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>
  client.query = ((...args: unknown[]) => {
    const sql = sqlText(args[0])
    const run = observers.reduceRight<() => Promise<unknown>>(
      (next, observer) => () => observer.observe(sql, next),
      () => query(...args),
    )
    return run()
  }) as QueryClient['query']
}

function sqlText(statement: unknown): string {
  if (typeof statement === 'string') return statement
  const text = (statement as { text?: unknown } | undefined)?.text
  return typeof text === 'string' ? text : ''
}
