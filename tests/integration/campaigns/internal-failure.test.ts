import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerUser, type RegisteredUser } from '../../support/api-client'
import type { RunningApp } from '../../support/app-server'
import { connectCampaignHub } from '../../support/campaign-hub'
import { createCampaign, startCampaignApp, waitForCampaign } from '../../support/campaigns'
import { refuseInserts } from '../../support/refuse-inserts'
import { databaseDrivers, type TestDatabase } from '../../support/test-databases'

const postgres = (await databaseDrivers()).find(driver => driver.name === 'postgres')!
const REFERENCE = /reference ([0-9a-f-]{36})/g

/** A run that fails inside the server, not at the model: the user gets references, the log the details. */
describe.skipIf(postgres.skipReason)('a run that fails inside the server', () => {
  let database: TestDatabase
  let app: RunningApp
  let owner: RegisteredUser
  beforeAll(async () => {
    database = await postgres.create()
    app = await startCampaignApp({ DATABASE_URL: database.url! })
    owner = await registerUser(app.url)
  }, 60_000)
  afterAll(async () => {
    await app?.stop()
    await database?.dispose()
  })

  it('tells followers a reference per failure, never the database\'s words, and each reference finds one log entry', async () => {
    const id = await createCampaign(owner.client)
    const { connection, log } = await connectCampaignHub(app.url, owner.client)
    await connection.invoke('JoinCampaignGroup', id)
    const allow = await refuseInserts(database.url!, 'artifact_versions', 'XX000', 'disk controller on fire')
    try {
      expect((await owner.client.post(`/api/campaigns/${id}/generate`)).status).toBe(202)
      const failure = await log.waitFor(event => event.name === 'OnGenerationFailed', 'the failure')
      const failed = await waitForCampaign(owner.client, id)
      expect(failed).toMatchObject({ status: 'Failed', stage: null })
      expect(failure.args[0].errorMessage).toBe(failed.statusReason)

      const references = [...failed.statusReason.matchAll(REFERENCE)].map(match => match[1])
      expect(references).toHaveLength(3)
      for (const type of ['Copy', 'ShortCopy', 'Visual']) expect(failed.statusReason).toContain(`${type}: an internal error occurred (reference `)
      expect(failed.statusReason).not.toMatch(/insert|artifact_versions|params|fire|XX000/i)

      for (const reference of references) {
        const lines = (await app.outputContaining(reference)).split('\n')
        const found = lines.filter(line => line.includes(reference))
        expect(found).toHaveLength(1)
        expect(found[0]).toContain(id)
        expect(found[0]).toContain('[XX000]: disk controller on fire')
      }
    }
    finally {
      await allow()
      await connection.stop()
    }
  })
})
