import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { PGLITE_WORKER_SOURCE } from './worker-source'

export interface QueryOptions {
  rowMode?: 'array' | 'object'
  /** Drizzle's result parsers: every one it passes returns PostgreSQL's text unchanged. */
  parsers?: Record<number, unknown>
}

export interface QueryResult<Row> {
  rows: Row[]
  fields: Array<{ name: string, dataTypeID: number }>
  affectedRows?: number
}

type Reply = { id: number, result: QueryResult<unknown> } | { id: number, error: Record<string, unknown> }

/** A query run by the worker thread and not answered yet. */
interface Pending {
  resolve: (result: QueryResult<unknown>) => void
  reject: (error: Error) => void
}

/**
 * The main thread's handle on the embedded database in its worker thread, shaped as the PGlite
 * client Drizzle drives (`query`, `transaction`). Statements are sent as they come; the worker runs
 * them one at a time in order. A transaction holds every other statement back until it ends, as
 * PGlite does in-process, because the database is a single session.
 */
export class EmbeddedDatabaseWorker {
  private nextId = 0
  private readonly pending = new Map<number, Pending>()
  /** Settles when the transaction in progress ends; statements outside it wait for that. */
  private transactionDone: Promise<void> = Promise.resolve()

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => this.settle(reply))
    worker.on('error', error => this.failAll(error))
    worker.on('exit', () => this.failAll(new Error('The embedded database stopped.')))
  }

  static async start(dataDir: string | undefined): Promise<EmbeddedDatabaseWorker> {
    const worker = new Worker(PGLITE_WORKER_SOURCE, {
      eval: true,
      workerData: { pgliteUrl: pgliteEntryUrl(), dataDir },
    })
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: { ready?: true, failed?: Record<string, unknown> }) => {
        worker.off('message', onMessage)
        worker.off('error', reject)
        if (message.failed) reject(rebuildError(message.failed))
        else resolve()
      }
      worker.on('message', onMessage)
      worker.once('error', reject)
    }).catch(async (error: unknown) => {
      await worker.terminate()
      throw error
    })
    return new EmbeddedDatabaseWorker(worker)
  }

  async query<Row = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<Row>> {
    await this.transactionDone
    return this.send<Row>(sql, params, options)
  }

  /** Runs `work` between BEGIN and COMMIT (ROLLBACK when it throws), alone on the database. */
  async transaction<T>(work: (transaction: { query: EmbeddedDatabaseWorker['send'] }) => Promise<T>): Promise<T> {
    const previous = this.transactionDone
    let end = () => {}
    this.transactionDone = previous.then(() => new Promise<void>((resolve) => {
      end = resolve
    }))
    await previous
    try {
      await this.send('BEGIN')
      const result = await work({ query: this.send.bind(this) })
      await this.send('COMMIT')
      return result
    }
    catch (error) {
      await this.send('ROLLBACK').catch(() => undefined)
      throw error
    }
    finally {
      end()
    }
  }

  async close(): Promise<void> {
    await this.transactionDone
    const closed = new Promise<void>(resolve => this.worker.once('exit', () => resolve()))
    this.worker.postMessage({ close: true })
    await closed
  }

  private send<Row>(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<Row>> {
    const id = this.nextId++
    const reply = new Promise<QueryResult<Row>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as Pending['resolve'], reject })
    })
    this.worker.postMessage({
      id,
      sql,
      params,
      rowMode: options?.rowMode,
      rawOids: options?.parsers ? Object.keys(options.parsers).map(Number) : undefined,
    })
    return reply
  }

  private settle(reply: Reply): void {
    const pending = this.pending.get(reply.id)
    if (!pending) return
    this.pending.delete(reply.id)
    if ('error' in reply) pending.reject(rebuildError(reply.error))
    else pending.resolve(reply.result)
  }

  private failAll(error: Error): void {
    for (const { reject } of this.pending.values()) reject(error)
    this.pending.clear()
  }
}

/** The worker's error with its fields (PostgreSQL's `code`, `detail` …), thrown from here. */
function rebuildError(fields: Record<string, unknown>): Error {
  const { message, name, stack: _stack, ...rest } = fields
  const error = new Error(String(message ?? 'The embedded database failed.'))
  if (typeof name === 'string') error.name = name
  return Object.assign(error, rest)
}

/**
 * PGlite's ES module entry, found as Node would from this module: the nearest node_modules up the
 * folders that holds it. `import.meta.resolve` would say it, but the bundled server has no such
 * function (Nitro stands in for `import.meta`), and its node_modules copy has no CommonJS entry
 * for `require.resolve` to find.
 */
function pgliteEntryUrl(): string {
  for (let folder = dirname(fileURLToPath(import.meta.url)); ; folder = dirname(folder)) {
    const manifest = join(folder, 'node_modules', '@electric-sql', 'pglite', 'package.json')
    if (existsSync(manifest)) {
      const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: { '.': { import: { default: string } } } }
      return pathToFileURL(join(dirname(manifest), exports['.'].import.default)).href
    }
    if (dirname(folder) === folder) throw new Error('The embedded database (@electric-sql/pglite) is not installed.')
  }
}
