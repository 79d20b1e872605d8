/**
 * The worker thread that owns the embedded database. PGlite runs PostgreSQL's C code compiled to
 * WebAssembly synchronously, with synchronous file I/O: on the main thread every statement stalls
 * pages, REST and the hub for as long as it runs. Here it stalls only this thread.
 *
 * The source is evaluated as a script (`eval: true`) rather than loaded from a file so that it
 * works unchanged in the bundled server, in development and under Vitest; PGlite is imported from
 * the URL the main thread resolved. Messages: `{ id, sql, params, rowMode, rawOids }` → `{ id,
 * result }` or `{ id, error }`; `{ id, ping: true }` is answered at once, between statements and
 * ahead of those waiting (a liveness check); `{ close: true }` closes the database (after the
 * statements sent before it) and ends the thread.
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

import(workerData.pgliteUrl).then(async ({ PGlite }) => {
  const db = await PGlite.create(workerData.dataDir)
  parentPort.on('message', (message) => {
    if (message.close) {
      // PGlite's close waits for the statements already sent, then shuts PostgreSQL down cleanly.
      db.close().catch(() => undefined).then(() => process.exit(0))
      return
    }
    if (message.ping) {
      answer(message.id, async () => {
        if (db.closed) throw new Error('The embedded database is closed.')
        return { rows: [], fields: [] }
      })
      return
    }
    const options = { rowMode: message.rowMode }
    if (message.rawOids) options.parsers = Object.fromEntries(message.rawOids.map(oid => [oid, asText]))
    answer(message.id, async () => {
      const { rows, fields, affectedRows } = await db.query(message.sql, message.params, options)
      return { rows, fields: fields.map(({ name, dataTypeID }) => ({ name, dataTypeID })), affectedRows }
    })
  })
  parentPort.postMessage({ ready: true })
}).catch(error => parentPort.postMessage({ failed: plain(error) }))
`
