import type pg from 'pg'
import { postgresPool } from '../../db/postgres-pool'
import { runQueueStatements } from '../../observability/metrics'

/**
 * What a statement of the run queue is for, the label of `run_queue_statements_total`:
 * - `owner_lock`: an owner's advisory lock taken or let go around a launch's claim;
 * - `enqueue`: a run's job added to the queue;
 * - `announce`: a notification to every instance, a run queued or cancelled;
 * - `fetch`: an idle slot's look for a waiting job, whether or not it found one;
 * - `lease`: an executor renewing its lease on the job it runs;
 * - `finish`: a job closed (completed) or handed back (failed);
 * - `upkeep`: the queue's own tables, its check for expired leases, closed jobs forgotten.
 */
export type RunQueueStatement = 'owner_lock' | 'enqueue' | 'announce' | 'fetch' | 'lease' | 'finish' | 'upkeep'

/** What pg-boss calls to run a statement (its `db` option, per call or for the whole queue). */
export interface QueueSql {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>
}

/**
 * The run queue's connections to PostgreSQL, counting each statement by what it is for: the queue
 * costs round trips of its own besides the runs', and `run_queue_statements_total` shows how many.
 */
export class RunQueueSql {
  private readonly pool: pg.Pool

  constructor(connectionString: string, connections: number, onError: (error: Error) => void) {
    this.pool = postgresPool(connectionString, { name: 'run-queue', max: connections, kept: 1 })
    this.pool.on('error', onError)
  }

  /** Runs statements counted as `statement`. */
  for(statement: RunQueueStatement): QueueSql {
    return {
      executeSql: (text, values) => {
        countQueueStatement(statement)
        return this.pool.query(text, values)
      },
    }
  }

  close(): Promise<void> {
    return this.pool.end()
  }
}

/** Counts a statement the queue sends on a connection of its own (an owner's lock). */
export function countQueueStatement(statement: RunQueueStatement): void {
  runQueueStatements.inc({ statement })
}
