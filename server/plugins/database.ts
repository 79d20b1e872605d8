import { useAppServices } from '../app/services'
import { logger } from '../observability/logger'
import { describeError } from '../utils/describe-error'
import { registerHealthCheck } from '../utils/health'

// Opens the database and runs its migrations at start-up rather than on the first request, and
// reports it on /health: unhealthy when it does not answer, or refuses writes for a storage reason.
export default defineNitroPlugin(() => {
  registerHealthCheck('database', async () => {
    const { database } = await useAppServices()
    await database.ping()
    if (!database.writes.healthy) throw new Error('The database is refusing writes')
  })
  useAppServices().then(
    ({ database, config }) => logger.info(`Database ready (${database.kind === 'embedded' ? `embedded, in ${config.dataDir}` : 'PostgreSQL'})`),
    error => logger.error({ error: describeError(error) }, 'The database could not be opened'),
  )
  // Closed by hub-lifecycle.ts once the campaign runs have stopped: a run still writing would meet a
  // closed database, end as if it had failed, and its queue job be closed while the campaign stays running.
})
