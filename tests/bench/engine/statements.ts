/**
 * The SQL statements a server sent over the burst, from its counters on GET /metrics: the
 * repositories' (`database_statements_total`) and, on PostgreSQL, the run queue's
 * (`run_queue_statements_total`, every purpose summed). Each is a round trip on PostgreSQL and a
 * turn of the embedded database's thread.
 */
export interface BurstStatements {
  repositories: number
  runQueue: number
}

/** The two counters' totals in one scrape (a counter the server does not have counts 0). */
export function statementTotals(metrics: string): BurstStatements {
  const sum = (name: string) => [...metrics.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'gm'))].reduce((total, match) => total + Number(match[1]), 0)
  return { repositories: sum('database_statements_total'), runQueue: sum('run_queue_statements_total') }
}

export function statementsBetween(before: string, after: string): BurstStatements {
  const [start, end] = [statementTotals(before), statementTotals(after)]
  return { repositories: end.repositories - start.repositories, runQueue: end.runQueue - start.runQueue }
}
