import { createHash } from 'node:crypto'
import { sql, type Placeholder, type SQL } from 'drizzle-orm'

/** Values as a prepared statement takes them (`shapeValues`). */
export interface ShapedValues {
  /** Which values are given and which of them are null: values of one shape share one statement. */
  shape: string
  /** What the statement is built with: a placeholder for each value, the literal NULL for a null. */
  placeholders: Record<string, Placeholder | SQL>
  /** What each execution passes, by placeholder name. */
  args: Record<string, unknown>
}

/**
 * A placeholder for each value that is given, named `prefix` + key. A null becomes the literal NULL
 * and is part of the shape: Drizzle encodes a placeholder's value with its column's encoder, which
 * turns null into JSON's `null` in a jsonb column and throws for a timestamp. Undefined values are
 * left out, as Drizzle leaves them out of a SET.
 */
export function shapeValues(values: object, prefix: string): ShapedValues {
  const placeholders: Record<string, Placeholder | SQL> = {}
  const args: Record<string, unknown> = {}
  const parts: string[] = []
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue
    if (value === null) {
      placeholders[key] = sql`NULL`
      parts.push(`${key}=null`)
      continue
    }
    placeholders[key] = sql.placeholder(prefix + key)
    args[prefix + key] = value
    parts.push(key)
  }
  return { shape: parts.join(','), placeholders, args }
}

/** More shapes than any statement of the code has; past it a statement is built for each call and not kept. */
export const MAX_SHAPES = 32

/**
 * Prepared statements of one kind, one per shape (which values a call gives, and whatever else
 * changes the SQL), built on first use and kept: building a statement's SQL with Drizzle takes
 * about 0.1 ms of the event loop and allocates for the collector, where running a prepared one only
 * fills in its values. Each gets a name of its own (`name` and a hash of the shape), as PostgreSQL
 * keeps a connection's named statements by name and a name may hold one text only.
 */
export class StatementsByShape<Statement> {
  private readonly statements = new Map<string, Statement>()

  constructor(private readonly name: string, private readonly maxShapes = MAX_SHAPES) {}

  get(shape: string, build: (name: string) => Statement): Statement {
    const kept = this.statements.get(shape)
    if (kept) return kept
    const statement = build(`${this.name}_${createHash('sha256').update(shape).digest('hex').slice(0, 16)}`)
    if (this.statements.size < this.maxShapes) this.statements.set(shape, statement)
    return statement
  }

  /** How many shapes are kept. */
  get size(): number {
    return this.statements.size
  }
}
