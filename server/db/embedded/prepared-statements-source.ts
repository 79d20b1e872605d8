/**
 * Named statements the embedded database's thread keeps prepared, at most this many: the least
 * recently used is closed when another is prepared. The product sends a few dozen shapes of
 * statement; the bound keeps statements whose text varies (a list of values of any length) from
 * growing PostgreSQL's memory in the thread without end.
 */
export const PREPARED_STATEMENT_CAPACITY = 256

/**
 * Script source, evaluated inside the worker thread's script (worker-source.ts), that defines
 * `preparedStatements(db, { protocol, parse })` (PGlite's instance and two of its module's
 * exports): a `query(sql, params, { rowMode, rawOids })` that answers as PGlite's `query()` does,
 * with the same rows, fields, affected rows and PostgreSQL's error fields. `rawOids` are the result
 * types handed back as PostgreSQL's text instead of parsed.
 *
 * Why: PGlite's `query()` parses, plans and describes the statement again on every call, over six
 * calls into PostgreSQL. For the short statements a campaign run and a page send, that is most of
 * what they cost (measured on a copy of a benchmark's statements: an update returning its row 1.06 →
 * 0.27 ms, a campaign's detail read 1.07 → 0.43 ms). A statement with parameters is therefore parsed
 * once under a name of its own (Parse, Describe for its parameters' types and its result's
 * columns, Sync), and from then on bound and run in one call (Bind, Execute, Sync) through
 * PGlite's public protocol functions, under its query lock. PostgreSQL replans a named statement
 * by itself when a table it reads changes; one whose result columns changed (`SELECT *` after a
 * migration) is prepared anew once. Statements without parameters (DDL, BEGIN, COMMIT, migrations'
 * checks) go through `query()` as before: they are not repeated.
 *
 * A result is parsed with PGlite's type parsers as they are, the raw types' laid over them: given
 * parsers of a query's own, PGlite's result parser copies all of its own (over 300) into a new object
 * for every result, which took 0.14 ms a result against 0.01 ms for the parsing itself.
 */
export const PREPARED_STATEMENTS_SOURCE = `
function preparedStatements(db, { protocol, parse }) {
  const { serialize } = protocol
  const CAPACITY = ${PREPARED_STATEMENT_CAPACITY}
  // By statement text, least recently used first (a Map keeps the order entries were set in).
  const prepared = new Map()
  let named = 0

  const asText = value => value
  const rawParsers = rawOids => Object.fromEntries(rawOids.map(oid => [oid, asText]))
  // The raw types' parsers over PGlite's own, which stay the prototype: read through, not copied.
  // Made once per list of raw types (the ORM sends the same list with every statement); a few kept.
  const OVERLAYS_KEPT = 8
  const overlays = new Map()
  const parsersFor = (rawOids) => {
    if (!rawOids?.length) return db.parsers
    const key = rawOids.join(',')
    const kept = overlays.get(key)
    if (kept) return kept
    const overlay = Object.assign(Object.create(db.parsers), rawParsers(rawOids))
    if (overlays.size < OVERLAYS_KEPT) overlays.set(key, overlay)
    return overlay
  }

  // Several protocol messages in one buffer: PostgreSQL reads them in one call.
  const joined = parts => Buffer.concat(parts)
  // PostgreSQL answers a Close without an error whatever the name, in an aborted transaction too
  // (the column-change case inside a transaction closes there), so closing cannot fail a statement.
  const close = name => db.execProtocol(joined([serialize.close({ type: 'S', name }), serialize.sync()]))

  const prepare = async (sql) => {
    const name = 'statement_' + named++
    const { messages } = await db.execProtocol(joined([serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync()]))
    const statement = {
      name,
      parameterTypes: parse.parseDescribeStatementResults(messages),
      // The result's columns, which each execution's rows are parsed by (none for NoData).
      rowDescription: messages.find(message => message.name === 'rowDescription'),
    }
    prepared.set(sql, statement)
    if (prepared.size > CAPACITY) {
      const [oldestSql, oldest] = prepared.entries().next().value
      prepared.delete(oldestSql)
      await close(oldest.name)
    }
    return statement
  }
  const recent = async (sql) => {
    const statement = prepared.get(sql)
    if (!statement) return prepare(sql)
    prepared.delete(sql)
    prepared.set(sql, statement)
    return statement
  }

  // Each parameter as PGlite's query() sends it: by the type PostgreSQL expects there.
  const values = (statement, params) => params.map((param, index) => {
    if (param === null || param === undefined) return null
    const serializer = db.serializers[statement.parameterTypes[index]]
    return serializer ? serializer(param) : param.toString()
  })
  const run = async (statement, params, { rowMode, rawOids }) => {
    const message = joined([serialize.bind({ statement: statement.name, values: values(statement, params) }), serialize.execute({}), serialize.sync()])
    const { messages } = await db.execProtocol(message)
    return parse.parseResults(statement.rowDescription ? [statement.rowDescription, ...messages] : messages, parsersFor(rawOids), { rowMode })[0]
  }

  return {
    async query(sql, params, options) {
      if (!params || params.length === 0) {
        return db.query(sql, params, { rowMode: options.rowMode, ...(options.rawOids && { parsers: rawParsers(options.rawOids) }) })
      }
      return db.runExclusive(async () => {
        const statement = await recent(sql)
        try {
          return await run(statement, params, options)
        }
        catch (error) {
          // "cached plan must not change result type": a table's columns changed since it was prepared.
          if (error?.code !== '0A000' || error?.routine !== 'RevalidateCachedQuery') throw error
          prepared.delete(sql)
          await close(statement.name)
          try {
            return await run(await prepare(sql), params, options)
          }
          catch (retryError) {
            // Inside a transaction the first error has aborted it, so preparing again fails with
            // 25P02: the first error is the one that says why. Any other failure is the statement's own.
            throw retryError?.code === '25P02' ? error : retryError
          }
        }
      })
    },
  }
}
`
