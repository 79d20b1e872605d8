/**
 * Statements of other callers that may go ahead of a waiting background one before it runs: enough
 * that a page's reads overtake a burst of runs, few enough that runs keep going under steady reads.
 */
export const BACKGROUND_PASSED = 8

/**
 * The worker thread that owns the embedded database. PGlite runs PostgreSQL's C code compiled to
 * WebAssembly synchronously, with synchronous file I/O: on the main thread every statement stalls
 * pages, REST and the hub for as long as it runs. Here it stalls only this thread.
 *
 * The source is evaluated as a script (`eval: true`) rather than loaded from a file so that it
 * works unchanged in the bundled server, in development and under Vitest; PGlite is imported from
 * the URL the main thread resolved. Messages: `{ id, sql, params, rowMode, rawOids, background }` →
 * `{ id, result }` or `{ id, error }`; `{ id, ping: true }` is answered at once, between statements
 * and ahead of those waiting (a liveness check); `{ close: true }` closes the database (after the
 * statements sent before it) and ends the thread.
 *
 * Statements run one at a time, those marked `background` (a campaign run's) only when no other
 * waits, or after BACKGROUND_PASSED others went first: during a burst of runs, a page's read waits
 * for the statement under way, not for every write the runs queued before it. Any order is safe
 * because each caller awaits its statement before sending the next one, and a transaction begins
 * only once every statement sent before it has been answered (see worker-client.ts). Between two
 * statements the thread turns, so messages that arrived meanwhile are sorted in first.
 * `rawOids` are the result types to hand back as PostgreSQL's text (Drizzle parses dates itself).
 *
 * Errors cross as their plain fields only (name, message, PostgreSQL's code, detail, constraint …):
 * PGlite attaches the query's options to its errors, and their parser functions cannot be copied
 * to another thread; trying would throw here and end the thread.
 */
export const PGLITE_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')

const plain = (error) => {
  const fields = { name: 'Error', message: String(error) }
  if (!(error instanceof Error)) return fields
  for (const [key, value] of Object.entries(error)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value
  }
  return { ...fields, name: error.name, message: error.message }
}
const asText = value => value

const answer = (id, run) => run().then(
  result => parentPort.postMessage({ id, result }),
  error => parentPort.postMessage({ id, error: plain(error) }),
).catch(error => parentPort.postMessage({ id, error: plain(error) }))

const BACKGROUND_PASSED = ${BACKGROUND_PASSED}
const turn = () => new Promise(resolve => setImmediate(resolve))

import(workerData.pgliteUrl).then(async ({ PGlite }) => {
  const db = await PGlite.create(workerData.dataDir)
  const waiting = { first: [], background: [] }
  let passed = 0
  let running = false
  let closing = false

  const close = () => db.close().catch(() => undefined).then(() => process.exit(0))
  const next = () => {
    const { first, background } = waiting
    if (background.length > 0 && (first.length === 0 || passed >= BACKGROUND_PASSED)) {
      passed = 0
      return background.shift()
    }
    if (background.length > 0) passed++
    return first.shift()
  }
  const execute = (message) => {
    const options = { rowMode: message.rowMode }
    if (message.rawOids) options.parsers = Object.fromEntries(message.rawOids.map(oid => [oid, asText]))
    return answer(message.id, async () => {
      const { rows, fields, affectedRows } = await db.query(message.sql, message.params, options)
      return { rows, fields: fields.map(({ name, dataTypeID }) => ({ name, dataTypeID })), affectedRows }
    })
  }
  const drain = async () => {
    running = true
    while (waiting.first.length > 0 || waiting.background.length > 0) {
      await execute(next())
      await turn()
    }
    running = false
    if (closing) close()
  }

  parentPort.on('message', (message) => {
    if (message.close) {
      // After the statements already sent: PostgreSQL shuts down cleanly.
      closing = true
      if (!running) close()
      return
    }
    if (message.ping) {
      answer(message.id, async () => {
        if (db.closed) throw new Error('The embedded database is closed.')
        return { rows: [], fields: [] }
      })
      return
    }
    (message.background ? waiting.background : waiting.first).push(message)
    if (!running) void drain()
  })
  parentPort.postMessage({ ready: true })
}).catch(error => parentPort.postMessage({ failed: plain(error) }))
`
