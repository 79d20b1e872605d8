import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EmbeddedDatabaseWorker } from '../../../server/db/embedded/worker-client'
import { isUniqueViolation } from '../../../server/db/unique-violation'
import { DATABASE_OPEN_TIMEOUT_MS as OPEN_TIMEOUT_MS } from '../../support/test-databases'

/** The embedded database's thread: what crosses to it and back, and what happens when it ends. */
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
