import { Socket } from 'node:net'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { PostgresListener } from '../../../server/db/postgres-listener'
import { createPostgresTestDatabase, databaseDrivers, type TestDatabase } from '../../support/test-databases'

const postgres = (await databaseDrivers()).find(driver => driver.name === 'postgres')!

describe.skipIf(postgres.skipReason)('a PostgreSQL listener', () => {
  let database: (TestDatabase & { url: string }) | undefined
  const listeners: PostgresListener[] = []
  afterAll(async () => {
    await Promise.all(listeners.map(listener => listener.close()))
    await database?.dispose()
  })

  it('probes its idle connection with TCP keep-alive, so a peer that vanished without a word is found', async () => {
    database = await createPostgresTestDatabase()
    const keepAlive = vi.spyOn(Socket.prototype, 'setKeepAlive')
    try {
      const listener = new PostgresListener(database.url, ['keep_alive_test'], 'keep-alive-test', { notification: () => undefined })
      listeners.push(listener)
      await listener.listen()
      expect(keepAlive).toHaveBeenCalledWith(true, 10_000)
    }
    finally {
      keepAlive.mockRestore()
    }
  })
})
