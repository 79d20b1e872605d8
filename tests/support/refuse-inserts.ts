import pg from 'pg'

/**
 * Failures the application cannot cause on purpose, raised by the real database: a trigger makes
 * PostgreSQL refuse inserts into `table` with a chosen SQLSTATE, exactly as it would for the real
 * condition. Resolves with the function that lifts the refusal again.
 */
export async function refuseInserts(url: string, table: string, sqlState: string, message: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const name = `refuse_${table}`
  await client.query(`CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION '${message}' USING ERRCODE = '${sqlState}'; END $$ LANGUAGE plpgsql`)
  await client.query(`CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`)
  return async () => {
    await client.query(`DROP TRIGGER ${name} ON ${table}; DROP FUNCTION ${name}()`)
    await client.end()
  }
}
