import { getTableColumns, is, sql, SQL, type Placeholder, type SQLWrapper } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Database } from './database'

/** A row to insert: each value itself, or a placeholder a prepared statement fills, or SQL such as NULL. */
export type InsertValues<T extends PgTable> = { [Key in keyof T['$inferInsert']]?: T['$inferInsert'][Key] | Placeholder | SQL }

/**
 * Inserts `values` into `table` only while `condition` finds a row of `guard`, in one statement
 * (INSERT … SELECT … FOR SHARE): the guard row is share-locked for the statement alone, so a
 * concurrent update of it either waits for the insert or makes it insert nothing. One statement
 * and not a transaction, so a client paused mid-way holds no lock that others wait on.
 * Returns the inserted row, or null when the condition did not hold. `db` may be `db.with(…)`: its
 * CTEs run in the same statement.
 */
export async function insertWhile<T extends PgTable>(
  db: Pick<Database, 'insert'>, table: T, values: T['$inferInsert'], guard: PgTable, condition: SQLWrapper,
): Promise<T['$inferSelect'] | null> {
  const [inserted] = await insertWhileQuery(db, table, values, guard, condition) as Array<T['$inferSelect']>
  return inserted ?? null
}

/** `insertWhile`'s statement, returning the inserted row: to run, or to prepare with placeholders among `values`. */
export function insertWhileQuery<T extends PgTable>(
  db: Pick<Database, 'insert'>, table: T, values: InsertValues<T>, guard: PgTable, condition: SQLWrapper,
) {
  // Every column in the table's order, as Drizzle lists them in the INSERT: typed casts, since a
  // SELECT's parameters carry no type of their own.
  const row = Object.entries(getTableColumns(table)).map(([key, column]) => {
    const value = (values as Record<string, unknown>)[key]
    if (value === undefined) return defaultOf(column)
    return typed(is(value, SQL) ? value : sql.param(value, column), column)
  })
  return db.insert(table)
    .select(sql`SELECT ${sql.join(row, sql`, `)} FROM ${guard} WHERE ${condition} FOR SHARE`)
    .returning()
}

function typed(value: SQLWrapper, column: PgColumn): SQL {
  return sql`cast(${value} as ${sql.raw(column.getSQLType())})`
}

function defaultOf(column: PgColumn): SQL {
  if (!column.hasDefault) return sql`NULL`
  return is(column.default, SQL) ? column.default : typed(sql.param(column.default, column), column)
}
