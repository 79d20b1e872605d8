import { PREPARED_STATEMENTS_SOURCE } from './prepared-statements-source'

/**
 * Statements that may go ahead of a waiting one of a later lane before it runs: enough that a
 * page's reads overtake a burst of writes, few enough that the writes keep going under steady reads.
 */
export const LANE_PASSES = 8

/**
 * How much nicer (lower in the scheduler's priority) than the thread that starts it the database's
 * thread runs. When the process wants more CPU than the machine has, a burst of runs' statements
 * should not take a core from the main thread: it answers pages, REST, the hub and health probes,
 * and sends the thread its work. An idle core still runs the database at full speed; a busy one
 * gives it about a tenth.
 */
export const DATABASE_THREAD_NICENESS = 10

/**
 * The niceness to add to the database's thread on `platform`: Linux keeps a nice value per thread.
 * Elsewhere a priority belongs to the whole process, so lowering it from the thread would lower the
 * main thread's too: there the thread keeps the process's.
 */
export function databaseThreadNiceness(platform: NodeJS.Platform = process.platform): number {
  return platform === 'linux' ? DATABASE_THREAD_NICENESS : 0
}

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
 * Statements run one at a time, from three lanes in turn: reads (a statement that starts with
 * SELECT: a page's, a REST read), then other statements (a request's writes: claims, feedback), then
 * those marked `background` (a campaign run's). The next statement comes from the first lane that
 * holds one, unless a later lane's oldest has seen LANE_PASSES statements go ahead of it: during a
 * burst of generate requests and runs, a read waits for the statement under way and other reads, not
 * for every write queued before it. Any order is safe because each caller awaits its statement
 * before sending the next one, and a transaction begins only once every statement sent before it has
 * been answered, and holds every other back until it ends (see worker-client.ts). Between two
 * statements the thread turns, so messages that arrived meanwhile are sorted in first.
 * `rawOids` are the result types to hand back as PostgreSQL's text (Drizzle parses dates itself).
 * A statement with parameters runs as a named prepared statement (prepared-statements-source.ts).
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

const answer = (id, run) => run().then(
  result => parentPort.postMessage({ id, result }),
  error => parentPort.postMessage({ id, error: plain(error) }),
).catch(error => parentPort.postMessage({ id, error: plain(error) }))

const LANE_PASSES = ${LANE_PASSES}
const turn = () => new Promise(resolve => setImmediate(resolve))
const READ = /^\\s*select\\b/i
const laneOf = message => (message.background ? 2 : READ.test(message.sql) ? 0 : 1)

// Process 0 is this thread alone where a niceness is given (Linux). Where the system refuses, the
// thread keeps its priority.
if (workerData.niceness > 0) {
  try {
    const os = require('node:os')
    os.setPriority(0, Math.min(19, os.getPriority(0) + workerData.niceness))
  }
  catch {}
}

${PREPARED_STATEMENTS_SOURCE}
import(workerData.pgliteUrl).then(async ({ PGlite, protocol, parse }) => {
  const db = await PGlite.create(workerData.dataDir)
  const statements = preparedStatements(db, { protocol, parse })
  // Per lane: the statements waiting, oldest first, and how many went ahead of the oldest.
  const lanes = [0, 1, 2].map(() => ({ waiting: [], passed: 0 }))
  let running = false
  let closing = false

  const close = () => db.close().catch(() => undefined).then(() => process.exit(0))
  const queued = () => lanes.some(lane => lane.waiting.length > 0)
  const next = () => {
    const held = lanes.filter(lane => lane.waiting.length > 0)
    const chosen = held.findLast(lane => lane.passed >= LANE_PASSES) ?? held[0]
    for (const lane of held) lane.passed = lane === chosen ? 0 : lane.passed + 1
    return chosen.waiting.shift()
  }
  const execute = (message) => {
    const options = { rowMode: message.rowMode, rawOids: message.rawOids }
    return answer(message.id, async () => {
      const { rows, fields, affectedRows } = await statements.query(message.sql, message.params, options)
      return { rows, fields: fields.map(({ name, dataTypeID }) => ({ name, dataTypeID })), affectedRows }
    })
  }
  const drain = async () => {
    running = true
    while (queued()) {
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
    lanes[laneOf(message)].waiting.push(message)
    if (!running) void drain()
  })
  parentPort.postMessage({ ready: true })
}).catch(error => parentPort.postMessage({ failed: plain(error) }))
`
