/**
 * The worker thread that owns the embedded database. PGlite runs PostgreSQL's C code compiled to
 * WebAssembly synchronously, with synchronous file I/O: on the main thread every statement stalls
 * pages, REST and the hub for as long as it runs. Here it stalls only this thread.
 *
 * The source is evaluated as a script (`eval: true`) rather than loaded from a file so that it
 * works unchanged in the bundled server, in development and under Vitest; PGlite is imported from
 * the URL the main thread resolved. Messages: `{ id, sql, params, rowMode, rawOids }` → `{ id,
 * result }` or `{ id, error }`; `{ close: true }` closes the database and ends the thread.
 * `rawOids` are the result types to hand back as PostgreSQL's text (Drizzle parses dates itself).
 */
export const PGLITE_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')

const plain = error => error instanceof Error
  ? { ...error, name: error.name, message: error.message }
  : { name: 'Error', message: String(error) }
const asText = value => value

import(workerData.pgliteUrl).then(async ({ PGlite }) => {
  const db = await PGlite.create(workerData.dataDir)
  parentPort.on('message', async (message) => {
    if (message.close) {
      await db.close().catch(() => undefined)
      parentPort.postMessage({ closed: true })
      process.exit(0)
    }
    const options = { rowMode: message.rowMode }
    if (message.rawOids) options.parsers = Object.fromEntries(message.rawOids.map(oid => [oid, asText]))
    try {
      const { rows, fields, affectedRows } = await db.query(message.sql, message.params, options)
      parentPort.postMessage({ id: message.id, result: { rows, fields, affectedRows } })
    }
    catch (error) {
      parentPort.postMessage({ id: message.id, error: plain(error) })
    }
  })
  parentPort.postMessage({ ready: true })
}).catch(error => parentPort.postMessage({ failed: plain(error) }))
`
