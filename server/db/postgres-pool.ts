import pg from 'pg'

export interface PostgresPoolOptions {
  /** `pg_stat_activity.application_name` of its connections: which pool a backend serves. */
  name: string
  /** The most connections open at once. */
  max: number
  /** Connections kept open however long they idle, once opened. */
  kept: number
  /** How long a connection beyond the kept ones may idle before it is closed (pg's default, 10 s, unless given). */
  idleTimeoutMillis?: number
}

/**
 * A pool of PostgreSQL connections that keeps a few of them open through quiet moments. A new
 * connection is a new backend: it loads the catalog entries of every table it touches, and parses
 * and plans each prepared statement again, once per connection. With every idle connection closed
 * after 10 s, the first launch after a quiet moment paid all of that (docs/BENCHMARKS.md, "a launch
 * after a quiet moment").
 */
export function postgresPool(connectionString: string, options: PostgresPoolOptions): pg.Pool {
  return new pg.Pool({
    connectionString,
    application_name: options.name,
    max: options.max,
    min: Math.min(options.kept, options.max),
    ...(options.idleTimeoutMillis === undefined ? {} : { idleTimeoutMillis: options.idleTimeoutMillis }),
  })
}
