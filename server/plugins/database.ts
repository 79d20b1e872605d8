import { closeAppServices, useAppServices } from '../app/services'
import { registerHealthCheck } from '../utils/health'

// Opens the database and runs its migrations at start-up rather than on the first request, and
// reports it on /health: unhealthy when it does not answer, or refuses writes for a storage reason.
export default defineNitroPlugin((nitroApp) => {
  registerHealthCheck('database', async () => {
    const { database } = await useAppServices()
    await database.ping()
    if (!database.writes.healthy) throw new Error('The database is refusing writes')
  })
  useAppServices().then(
    ({ database, config }) => console.log(`Database ready (${database.kind === 'embedded' ? `embedded, in ${config.dataDir}` : 'PostgreSQL'})`),
    error => console.error(`The database could not be opened: ${(error as Error).message}`),
  )
  nitroApp.hooks.hook('close', closeAppServices)
})
