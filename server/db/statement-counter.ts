import type { Logger } from 'drizzle-orm/logger'
import { databaseStatements } from '../observability/metrics'

/**
 * Counts each statement Drizzle sends, in database_statements_total: what a change to the engine
 * costs in round trips shows there, and tests read it to hold a run to its budget.
 */
export const statementCounter: Logger = {
  logQuery() {
    databaseStatements.inc()
  },
}
