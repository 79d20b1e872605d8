import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { logger } from '../../observability/logger'
import { describeError } from '../../utils/describe-error'
import { databaseThreadNiceness, PGLITE_WORKER_SOURCE } from './worker-source'

export interface QueryOptions {
  rowMode?: 'array' | 'object'
  /** Drizzle's result parsers: every one it passes returns PostgreSQL's text unchanged. */
  parsers?: Record<number, unknown>
  /** Work that may wait (a campaign run's): the thread runs other statements first (see worker-source.ts). */
  background?: boolean
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
  /** Statements sent and not answered yet: a transaction begins once they are, as the thread may reorder them. */
  private readonly unanswered = new Set<Promise<unknown>>()
  /** Settles when the transaction in progress ends; statements outside it wait for that. */
  private transactionDone: Promise<void> = Promise.resolve()
  /** Why the thread ended, once it has: every statement from then on fails at once, never hangs. */
  private stopped: Error | undefined
  private closing = false
  private readonly exited: Promise<void>

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => this.settle(reply))
    worker.on('error', error => this.stop(error))
    this.exited = new Promise(resolve => worker.once('exit', () => {
      this.stop(new Error('The embedded database stopped.'))
      resolve()
    }))
  }

  static async start(dataDir: string | undefined): Promise<EmbeddedDatabaseWorker> {
    const worker = new Worker(PGLITE_WORKER_SOURCE, {
      eval: true,
      workerData: { pgliteUrl: pgliteEntryUrl(), dataDir, niceness: databaseThreadNiceness() },
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
    // Nothing sent before may run inside the transaction: the thread runs statements out of order.
    await Promise.allSettled(this.unanswered)
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

  /** Whether the thread still runs; it answers the statements it is sent while it does. */
  get alive(): boolean {
    return this.stopped === undefined
  }

  /**
   * Resolves when the thread answers, which it does between two statements, ahead of any waiting:
   * the database is open and its thread turns, without queueing behind a burst of writes.
   */
  ping(): Promise<void> {
    return this.post({ ping: true }).then(() => undefined)
  }

  /** Closes the database once the statements sent before have run (a closed one is left as is). */
  async close(): Promise<void> {
    if (!this.closing) {
      this.closing = true
      await this.transactionDone
      if (this.alive) this.worker.postMessage({ close: true })
    }
    await this.exited
  }

  private send<Row>(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<Row>> {
    const reply = this.post({
      sql,
      params,
      rowMode: options?.rowMode,
      rawOids: options?.parsers ? Object.keys(options.parsers).map(Number) : undefined,
      background: options?.background,
    })
    this.unanswered.add(reply)
    const answered = () => this.unanswered.delete(reply)
    reply.then(answered, answered)
    return reply as Promise<QueryResult<Row>>
  }

  private post(message: Record<string, unknown>): Promise<QueryResult<unknown>> {
    if (this.stopped) return Promise.reject(this.stopped)
    const id = this.nextId++
    const reply = new Promise<QueryResult<unknown>>((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
    })
    try {
      this.worker.postMessage({ id, ...message })
    }
    catch (error) {
      // A parameter that cannot be copied to the thread (a function …) fails this statement only.
      this.settle({ id, error: { name: 'TypeError', message: (error as Error).message } })
    }
    return reply
  }

  private settle(reply: Reply): void {
    const pending = this.pending.get(reply.id)
    if (!pending) return
    this.pending.delete(reply.id)
    if ('error' in reply) pending.reject(rebuildError(reply.error))
    else pending.resolve(reply.result)
  }

  private stop(error: Error): void {
    if (this.stopped) return
    this.stopped = error
    if (!this.closing) logger.error({ error: describeError(error) }, 'The embedded database stopped unexpectedly')
    for (const { reject } of this.pending.values()) reject(error)
    this.pending.clear()
  }
}

/**
 * The same database for work that may wait (campaign runs): its statements are marked `background`,
 * so the thread answers pages and probes first. Transactions hold every statement back either way.
 */
export function backgroundHandle(database: EmbeddedDatabaseWorker): Pick<EmbeddedDatabaseWorker, 'query' | 'transaction'> {
  return {
    query: (sql, params, options) => database.query(sql, params, { ...options, background: true }),
    transaction: work => database.transaction(work),
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
 * PGlite's ES module entry, found as Node would: the nearest node_modules that holds it, up the
 * folders from this module, else from the entry script. `import.meta.resolve` would say it, but the
 * bundled server has no such function, and its `import.meta.url` is a placeholder (naming no real
 * file) until every module has loaded, which is when the server opens its database. Its
 * node_modules copy has no CommonJS entry for `require.resolve` to find either.
 */
function pgliteEntryUrl(): string {
  const starts = [dirname(fileURLToPath(import.meta.url)), process.argv[1] ? dirname(process.argv[1]) : undefined]
  for (const start of starts) {
    const manifest = start && findUp(start, join('node_modules', '@electric-sql', 'pglite', 'package.json'))
    if (!manifest) continue
    const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: { '.': { import: { default: string } } } }
    return pathToFileURL(join(dirname(manifest), exports['.'].import.default)).href
  }
  throw new Error('The embedded database (@electric-sql/pglite) is not installed.')
}

/** The first `folder/relative`, `folder/../relative` … that exists. */
function findUp(folder: string, relative: string): string | undefined {
  for (let current = folder; ; current = dirname(current)) {
    if (existsSync(join(current, relative))) return join(current, relative)
    if (dirname(current) === current) return undefined
  }
}
