import { PGlite, parse, protocol } from '@electric-sql/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PREPARED_STATEMENTS_SOURCE } from '../../../server/db/embedded/prepared-statements-source'
import { DATABASE_OPEN_TIMEOUT_MS } from '../../support/test-databases'

const TIMESTAMPTZ = 1184
const JSONB = 3802

type ParseResults = typeof parse.parseResults
interface PreparedStatements {
  query(sql: string, params: unknown[] | undefined, options: { rowMode?: 'array' | 'object', rawOids?: number[] }): Promise<{ rows: unknown[] }>
}

/**
 * How the embedded database's thread parses a prepared statement's result: with PGlite's own type
 * parsers, the raw types' laid over them, and never by handing PGlite parsers of the query's own,
 * which makes it copy all of its parsers for every result. The thread's source runs here, in this
 * process, on PGlite's own module with its result parser watched.
 */
describe('the embedded database\'s result parsers', () => {
  let db: PGlite
  let statements: PreparedStatements
  const calls: Array<{ parsers: Record<number, unknown>, options: Parameters<ParseResults>[2] }> = []

  beforeAll(async () => {
    db = await PGlite.create()
    await db.exec('CREATE TABLE "notes" ("id" integer PRIMARY KEY, "meta" jsonb, "at" timestamptz)')
    const watched = {
      ...parse,
      parseResults: ((messages, parsers, options, blob) => {
        calls.push({ parsers: parsers as Record<number, unknown>, options })
        return parse.parseResults(messages, parsers, options, blob)
      }) as ParseResults,
    }
    const define = new Function(`${PREPARED_STATEMENTS_SOURCE}\nreturn preparedStatements`) as () => (db: PGlite, modules: object) => PreparedStatements
    statements = define()(db, { protocol, parse: watched })
  }, DATABASE_OPEN_TIMEOUT_MS)
  afterAll(async () => {
    await db?.close()
  })

  it('hands the raw types back as text and parses the others, without giving PGlite parsers of the query\'s own', async () => {
    const at = new Date('2026-05-01T10:00:00.000Z')
    await db.query('INSERT INTO "notes" VALUES ($1, $2, $3)', [1, { tone: 'warm' }, at])
    calls.length = 0

    const read = 'SELECT "id", "meta", "at" FROM "notes" WHERE "id" = $1'
    const raw = await statements.query(read, [1], { rowMode: 'array', rawOids: [TIMESTAMPTZ] })
    const parsed = await statements.query(read, [1], { rowMode: 'array' })

    expect(raw.rows).toEqual([[1, { tone: 'warm' }, '2026-05-01 10:00:00+00']])
    expect(parsed.rows).toEqual([[1, { tone: 'warm' }, at]])
    expect(calls).toHaveLength(2)
    // The raw type's parser is laid over PGlite's, which are read through and left as they were.
    expect((calls[0]!.parsers[TIMESTAMPTZ] as (value: string) => unknown)('text')).toBe('text')
    expect(calls[0]!.parsers[JSONB]).toBe(db.parsers[JSONB])
    expect(calls[1]!.parsers).toBe(db.parsers)
    // Laid over once for the same raw types.
    await statements.query(read, [1], { rowMode: 'array', rawOids: [TIMESTAMPTZ] })
    expect(calls[2]!.parsers).toBe(calls[0]!.parsers)
    for (const call of calls) expect(call.options).toEqual({ rowMode: 'array' })
    expect(db.parsers[TIMESTAMPTZ]!('2026-05-01 10:00:00+00', TIMESTAMPTZ)).toEqual(at)
  })

  it('hands the raw types back as text from a statement without parameters too', async () => {
    const { rows } = await statements.query('SELECT "at" FROM "notes" ORDER BY "id" LIMIT 1', undefined, { rowMode: 'array', rawOids: [TIMESTAMPTZ] })
    expect(rows).toEqual([['2026-05-01 10:00:00+00']])
  })
})
