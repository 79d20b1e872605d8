import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EmbeddedDatabaseWorker } from '../../../server/db/embedded/worker-client'
import { PREPARED_STATEMENT_CAPACITY } from '../../../server/db/embedded/prepared-statements-source'
import { isUniqueViolation } from '../../../server/db/unique-violation'
import { DATABASE_OPEN_TIMEOUT_MS as OPEN_TIMEOUT_MS } from '../../support/test-databases'

const TIMESTAMPTZ = 1184

/**
 * Statements with parameters run as named prepared statements in the embedded database's thread:
 * prepared once, answered exactly as PGlite's own `query()` answers, bounded in number, and
 * prepared again when a table's columns change under them.
 */
describe('prepared statements in the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'embedded-prepared-'))
  let database: EmbeddedDatabaseWorker
  const prepared = async (text: string) => (await database.query<{ executions: number }>(
    'SELECT (generic_plans + custom_plans)::int AS "executions" FROM pg_prepared_statements WHERE statement = $1',
    [text],
  )).rows
  beforeAll(async () => {
    database = await EmbeddedDatabaseWorker.start(dataDir)
    await database.query(`CREATE TABLE "notes" (
      "id" integer PRIMARY KEY, "label" text NOT NULL, "meta" jsonb, "done" boolean, "at" timestamptz, "tags" text[]
    )`)
  }, OPEN_TIMEOUT_MS)
  afterAll(async () => {
    await database?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('prepares a statement with parameters once and runs it again by name', async () => {
    const insert = 'INSERT INTO "notes" ("id", "label") VALUES ($1, $2)'
    for (const id of [1, 2, 3]) await database.query(insert, [id, `note ${id}`])
    const read = 'SELECT "label" FROM "notes" WHERE "id" = $1'
    const labels = []
    for (const id of [3, 1, 2]) labels.push((await database.query<{ label: string }>(read, [id])).rows)
    expect(labels).toEqual([[{ label: 'note 3' }], [{ label: 'note 1' }], [{ label: 'note 2' }]])
    expect(await prepared(insert)).toEqual([{ executions: 3 }])
    expect(await prepared(read)).toEqual([{ executions: 3 }])
    // Without parameters a statement is not kept: nothing repeats it.
    await database.query('SELECT count(*) FROM "notes"')
    expect(await prepared('SELECT count(*) FROM "notes"')).toEqual([])
  })

  it('answers with the same rows, fields and counts as a statement without parameters', async () => {
    const at = new Date('2026-05-01T10:00:00.000Z')
    const inserted = await database.query(
      'INSERT INTO "notes" VALUES ($1, $2, $3, $4, $5, $6), ($7, $8, $9, $10, $11, $12)',
      [10, 'typed', { tone: 'warm', score: 3, nested: [1, null] }, true, at, ['a', 'b "c"'], 11, 'empty', null, false, null, null],
    )
    expect(inserted.affectedRows).toBe(2)

    const columns = 'SELECT "id", "label", "meta", "done", "at", "tags" FROM "notes"'
    const withParameters = await database.query(`${columns} WHERE "id" IN ($1, $2) ORDER BY "id"`, [10, 11])
    const literal = await database.query(`${columns} WHERE "id" IN (10, 11) ORDER BY "id"`)
    expect(withParameters.rows).toEqual(literal.rows)
    expect(withParameters.fields).toEqual(literal.fields)
    expect(withParameters.rows[0]).toEqual({ id: 10, label: 'typed', meta: { tone: 'warm', score: 3, nested: [1, null] }, done: true, at, tags: ['a', 'b "c"'] })

    // Drizzle's options: rows as arrays, and timestamps handed back as PostgreSQL's text.
    const asArrays = await database.query(`SELECT "id", "at" FROM "notes" WHERE "id" = $1`, [10], { rowMode: 'array', parsers: { [TIMESTAMPTZ]: (value: string) => value } })
    expect(asArrays.rows).toEqual([[10, '2026-05-01 10:00:00+00']])

    const updated = await database.query('UPDATE "notes" SET "done" = $1 WHERE "id" >= $2', [false, 10])
    expect(updated.affectedRows).toBe(2)
  })

  it('rejects a failing statement with PostgreSQL\'s fields and answers the next one', async () => {
    const insert = 'INSERT INTO "notes" ("id", "label") VALUES ($1, $2)'
    const duplicate = await database.query(insert, [1, 'again']).catch((error: unknown) => error)
    expect(isUniqueViolation(duplicate)).toBe(true)
    expect((duplicate as { constraint?: string }).constraint).toBe('notes_pkey')

    const misspelt = 'SELEC "label" FROM "notes" WHERE "id" = $1'
    for (let attempt = 0; attempt < 2; attempt++) await expect(database.query(misspelt, [1])).rejects.toMatchObject({ code: '42601' })
    expect(await prepared(misspelt)).toEqual([])

    const transaction = database.transaction(async (tx) => {
      await tx.query(insert, [20, 'kept only if all goes well'])
      await tx.query(insert, [1, 'duplicate'])
    })
    await expect(transaction).rejects.toMatchObject({ code: '23505' })
    expect((await database.query('SELECT "id" FROM "notes" WHERE "id" = $1', [20])).rows).toEqual([])
    expect(database.alive).toBe(true)
  })

  it('prepares a statement again when its table\'s columns changed', async () => {
    const everything = 'SELECT * FROM "notes" WHERE "id" = $1'
    expect((await database.query(everything, [1])).rows[0]).not.toHaveProperty('extra')
    await database.query('ALTER TABLE "notes" ADD COLUMN "extra" text NOT NULL DEFAULT \'added\'')
    expect((await database.query(everything, [1])).rows[0]).toMatchObject({ id: 1, extra: 'added' })

    // Inside a transaction the change aborts it; the transaction fails with PostgreSQL's reason.
    await database.query('ALTER TABLE "notes" ADD COLUMN "later" text NOT NULL DEFAULT \'later\'')
    const transaction = database.transaction(async (tx) => {
      await tx.query('INSERT INTO "notes" ("id", "label") VALUES ($1, $2)', [30, 'rolled back'])
      await tx.query(everything, [1])
    })
    await expect(transaction).rejects.toMatchObject({ code: '0A000', message: 'cached plan must not change result type' })
    expect((await database.query('SELECT "id" FROM "notes" WHERE "id" = $1', [30])).rows).toEqual([])
    expect((await database.query(everything, [1])).rows[0]).toMatchObject({ id: 1, extra: 'added', later: 'later' })
  })

  it('reports the error of a statement prepared again, not the column change that made it prepare', async () => {
    const insertReturning = 'INSERT INTO "notes" ("id", "label") VALUES ($1, $2) RETURNING *'
    await database.query(insertReturning, [40, 'first'])
    await database.query('ALTER TABLE "notes" ADD COLUMN "newest" text')
    const duplicate = database.query(insertReturning, [40, 'again'])
    await expect(duplicate).rejects.toMatchObject({ code: '23505' })
    expect(isUniqueViolation(await duplicate.catch((error: unknown) => error))).toBe(true)
    expect((await database.query(insertReturning, [41, 'next'])).rows[0]).toMatchObject({ id: 41, newest: null })
  })

  it(`keeps at most ${PREPARED_STATEMENT_CAPACITY} statements, the least recently used closed first`, async () => {
    const sums = Array.from({ length: PREPARED_STATEMENT_CAPACITY + 20 }, (_, index) => `SELECT $1::int + ${index} AS "sum"`)
    for (const [index, text] of sums.entries()) expect((await database.query(text, [1])).rows).toEqual([{ sum: index + 1 }])
    const count = await database.query<{ count: number }>('SELECT count(*)::int AS "count" FROM pg_prepared_statements')
    expect(count.rows[0]!.count).toBeLessThanOrEqual(PREPARED_STATEMENT_CAPACITY)
    expect(await prepared(sums[0]!)).toEqual([])
    expect(await prepared(sums.at(-1)!)).toEqual([{ executions: 1 }])
    // Closed, then prepared again on its next use.
    expect((await database.query(sums[0]!, [5])).rows).toEqual([{ sum: 5 }])
  })
})
