import { getTableColumns } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'

/**
 * A row of `table` that PostgreSQL turned into JSON (`row_to_json`, `json_agg`: keyed by column
 * name, timestamps as text, json columns already parsed), mapped as Drizzle maps a selected row. For
 * reads folded into one statement as subqueries.
 */
export function rowFromJson<T extends PgTable>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  return Object.fromEntries(Object.entries(getTableColumns(table)).map(([key, column]) => {
    const value = json[column.name]
    return [key, value === null || column.getSQLType().startsWith('json') ? value : column.mapFromDriverValue(value)]
  })) as T['$inferSelect']
}

/** `rowFromJson` for a subquery's JSON value (an array of rows, or null for none), as the driver hands it over. */
export function rowsFromJson<T extends PgTable>(table: T, value: unknown): Array<T['$inferSelect']> {
  const rows = (typeof value === 'string' ? JSON.parse(value) : value ?? []) as Array<Record<string, unknown>>
  return rows.map(row => rowFromJson(table, row))
}
