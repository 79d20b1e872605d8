import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { getPriority, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { openEmbeddedDatabase } from '../../../server/db/embedded-database'
import { EmbeddedDatabaseWorker } from '../../../server/db/embedded/worker-client'
import { databaseThreadNiceness } from '../../../server/db/embedded/worker-source'
import { isUniqueViolation } from '../../../server/db/unique-violation'
import { DATABASE_OPEN_TIMEOUT_MS as OPEN_TIMEOUT_MS } from '../../support/test-databases'

/** Long enough (milliseconds) that every statement sent with it arrives while it runs. */
const SLOW = 'SELECT count(*) FROM generate_series(1, 300000)'
/** A write that takes as long and changes nothing. */
const SLOW_WRITE = 'UPDATE "things" SET "id" = "id" WHERE "id" IN (SELECT count(*) FROM generate_series(1, 300000))'

/**
 * The embedded database's thread: what crosses to it and back, the order it answers in (reads, then
 * other statements, then a campaign run's background ones, never breaking a transaction), and what happens
 * when it ends.
 */
describe('the embedded database in its worker thread', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'embedded-worker-'))
  let database: EmbeddedDatabaseWorker
  beforeAll(async () => {
    database = await EmbeddedDatabaseWorker.start(dataDir)
    await database.query('CREATE TABLE "things" ("id" integer PRIMARY KEY)')
  }, OPEN_TIMEOUT_MS)
  afterAll(async () => {
    await database?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('rejects a failing statement with PostgreSQL\'s code, and answers the next one', async () => {
    // Drizzle passes result parsers (functions) with every statement; PGlite attaches them to its errors.
    const parsers = { 1184: (value: string) => value }
    await database.query('INSERT INTO "things" VALUES (1)', [], { parsers })
    const failure = await database.query('INSERT INTO "things" VALUES (1)', [], { parsers }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(Error)
    expect(isUniqueViolation(failure)).toBe(true)
    expect((failure as { constraint?: string }).constraint).toBe('things_pkey')
    expect(database.alive).toBe(true)
    expect((await database.query<{ count: number }>('SELECT count(*)::int AS "count" FROM "things"')).rows).toEqual([{ count: 1 }])
  })

  it('rolls a failed transaction back and lets the statements queued behind it run', async () => {
    const transaction = database.transaction(async (tx) => {
      await tx.query('INSERT INTO "things" VALUES (2)')
      await tx.query('INSERT INTO "things" VALUES (1)')
    })
    const after = database.query<{ id: number }>('SELECT "id" FROM "things" ORDER BY "id"')
    await expect(transaction).rejects.toMatchObject({ code: '23505' })
    expect((await after).rows).toEqual([{ id: 1 }])
  })

  it('answers a liveness check while a transaction holds every statement back', async () => {
    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    const transaction = database.transaction(async (tx) => {
      await tx.query('INSERT INTO "things" VALUES (4)')
      await held
      await tx.query('DELETE FROM "things" WHERE "id" = 4')
    })
    let queuedAnswered = false
    const queued = database.query('SELECT 1').then(() => {
      queuedAnswered = true
    })
    await database.ping()
    expect(queuedAnswered).toBe(false)
    release()
    await Promise.all([transaction, queued])
  })

  /** `count` statements sent with `send`, labelled `label 0`, `label 1` … */
  const several = (count: number, label: string, send: () => Promise<unknown>): Statement[] =>
    Array.from({ length: count }, (_, index) => [`${label} ${index}`, send])

  it('runs a statement sent after a queue of background ones next, and the background ones in their order', async () => {
    const queue = several(12, 'background', () => database.query(SLOW, [], { background: true }))
    const answered = await answerOrder([...queue, ['page', () => database.query('SELECT 1')]])
    // The first background statement was under way when the page's arrived.
    expect(answered.indexOf('page')).toBeLessThanOrEqual(1)
    expect(answered.filter(label => label !== 'page')).toEqual(queue.map(([label]) => label))
  })

  it('lets a background statement through after others went ahead of it, however many keep coming', async () => {
    const answered = await answerOrder([['background', () => database.query('SELECT 1', [], { background: true })], ...several(30, 'page', () => database.query(SLOW))])
    expect(answered.indexOf('background')).toBeLessThan(29)
  })

  it('runs a read sent after a queue of writes next, and the writes in their order', async () => {
    const queue = several(6, 'write', () => database.query(SLOW_WRITE))
    const answered = await answerOrder([...queue, ['read', () => database.query('SELECT count(*) FROM "things"')]])
    // The first write was under way when the read arrived.
    expect(answered.indexOf('read')).toBeLessThanOrEqual(1)
    expect(answered.filter(label => label !== 'read')).toEqual(queue.map(([label]) => label))
  })

  it('lets a write through after reads went ahead of it, however many keep coming', async () => {
    // The first read is under way when the write arrives, so the write waits in its lane.
    const [first, ...rest] = several(30, 'read', () => database.query(SLOW))
    const answered = await answerOrder([first!, ['write', () => database.query('UPDATE "things" SET "id" = "id"')], ...rest])
    expect(answered.indexOf('write')).toBeLessThan(29)
  })

  it('begins a transaction only once the statements sent before it are answered', async () => {
    await database.query('CREATE TABLE "kept" ("id" integer PRIMARY KEY)')
    const slow = database.query(SLOW, [], { background: true })
    const inserted = database.query('INSERT INTO "kept" VALUES (1)', [], { background: true })
    const transaction = database.transaction(async (tx) => {
      await tx.query('INSERT INTO "kept" VALUES (2)')
      throw new Error('changed my mind')
    })
    await Promise.all([slow, inserted])
    await expect(transaction).rejects.toThrow('changed my mind')
    // Run inside the transaction, the first insert would have been rolled back with it.
    expect((await database.query<{ id: number }>('SELECT "id" FROM "kept"')).rows).toEqual([{ id: 1 }])
  })

  it('marks what goes through the connection\'s handle for runs as background, and nothing else', async () => {
    const connection = await openEmbeddedDatabase()
    try {
      const answered: string[] = []
      const runs = Array.from({ length: 6 }, (_, index) => connection.runDb.execute(sql.raw(SLOW)).then(() => answered.push(`run ${index}`)))
      const page = connection.db.execute(sql`SELECT 1`).then(() => answered.push('page'))
      await Promise.all([...runs, page])
      expect(answered.indexOf('page')).toBeLessThanOrEqual(1)
    }
    finally {
      await connection.close()
    }
  }, OPEN_TIMEOUT_MS)

  it('answers a health ping at once while a statement runs, when another has just been answered', async () => {
    const connection = await openEmbeddedDatabase()
    try {
      await connection.db.execute(sql`SELECT 1`)
      let slowAnswered = false
      const slow = connection.runDb.execute(sql.raw(SLOW)).then(() => {
        slowAnswered = true
      })
      // The slow statement reaches the thread first; asked now, the thread itself would answer the
      // ping only once that statement is done. The answer just given stands for it instead.
      await new Promise(resolve => setTimeout(resolve, 0))
      await connection.ping()
      expect(slowAnswered).toBe(false)
      await slow
    }
    finally {
      await connection.close()
    }
  }, OPEN_TIMEOUT_MS)

  // Linux only; and a process already at the lowest priority (nice 19) has none lower to give.
  it.skipIf(process.platform !== 'linux' || getPriority(0) >= 19)('runs its thread at a lower priority than the thread that started it', async () => {
    const lowered = Math.min(19, getPriority(0) + databaseThreadNiceness())
    const before = threadsAtNice(lowered)
    const another = await EmbeddedDatabaseWorker.start(undefined)
    try {
      expect(threadsAtNice(lowered)).toBe(before + 1)
      expect(getPriority(0)).toBeLessThan(lowered)
    }
    finally {
      await another.close()
    }
    expect(threadsAtNice(lowered)).toBe(before)
  }, OPEN_TIMEOUT_MS)

  it('closes after the statements sent before, keeping what they wrote on disk', async () => {
    const written = database.query('INSERT INTO "things" VALUES (3)')
    await database.close()
    await written
    expect(database.alive).toBe(false)
    database = await EmbeddedDatabaseWorker.start(dataDir)
    expect((await database.query<{ id: number }>('SELECT "id" FROM "things" ORDER BY "id"')).rows).toEqual([{ id: 1 }, { id: 3 }])
  }, OPEN_TIMEOUT_MS)

  it('fails every statement at once once its thread has ended, and still closes', async () => {
    // Stands in for the thread dying (out of memory, a fault in the WebAssembly module).
    await (database as unknown as { worker: Worker }).worker.terminate()
    expect(database.alive).toBe(false)
    await expect(database.query('SELECT 1')).rejects.toThrow('The embedded database stopped.')
    await expect(database.ping()).rejects.toThrow('The embedded database stopped.')
    await expect(database.transaction(tx => tx.query('SELECT 1'))).rejects.toThrow('The embedded database stopped.')
    await database.close()
  })
})

/** A statement to send, and the label it is answered under. */
type Statement = [label: string, send: () => Promise<unknown>]

/** Sends the statements at once, in the order given; resolves with their labels in the order they were answered. */
async function answerOrder(statements: Statement[]): Promise<string[]> {
  const answered: string[] = []
  await Promise.all(statements.map(([label, send]) => send().then(() => answered.push(label))))
  return answered
}

/** How many of this process's threads run at `nice` (Linux: field 19 of /proc/self/task/{tid}/stat). */
function threadsAtNice(nice: number): number {
  return readdirSync('/proc/self/task').filter((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
    // The fields after the thread's name, which is in parentheses and may hold spaces: state is field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[19 - 3]) === nice
  }).length
}
