import { getTableColumns } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'

/**
 * A row of `table` that PostgreSQL turned into JSON (`row_to_json`, `json_agg`: keyed by column
 * name, timestamps as text, json columns already parsed), mapped as Drizzle maps a selected row. For
 * reads folded into one statement as subqueries.
 */
export function rowFromJson<T extends PgTable>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  return columnsFromJson(getTableColumns(table), json) as T['$inferSelect']
}

/** `rowFromJson` for some of a table's columns, keyed as in `columns`. */
export function columnsFromJson<C extends Record<string, PgColumn>>(columns: C, json: Record<string, unknown>): { [K in keyof C]: C[K]['_']['data'] } {
  return Object.fromEntries(Object.entries(columns).map(([key, column]) => {
    const value = json[column.name]
    return [key, value === null || column.getSQLType().startsWith('json') ? value : column.mapFromDriverValue(value)]
  })) as { [K in keyof C]: C[K]['_']['data'] }
}

/** `rowFromJson` for a subquery's JSON value (an array of rows, or null for none), as the driver hands it over. */
export function rowsFromJson<T extends PgTable>(table: T, value: unknown): Array<T['$inferSelect']> {
  return jsonRows(value).map(row => rowFromJson(table, row))
}

/** `rowsFromJson` for some of a table's columns (`columnsFromJson`). */
export function columnRowsFromJson<C extends Record<string, PgColumn>>(columns: C, value: unknown): Array<{ [K in keyof C]: C[K]['_']['data'] }> {
  return jsonRows(value).map(row => columnsFromJson(columns, row))
}

const jsonRows = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value ?? []) as Array<Record<string, unknown>>
