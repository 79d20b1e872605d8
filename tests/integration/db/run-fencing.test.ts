import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyzeBrief } from '#shared/brief-contract'
import { RUNNING_STAGES, campaignBriefSchema, type ComplianceAuditResult } from '#shared/campaign'
import { UsersRepository } from '../../../server/accounts/users-repository'
import type { DatabaseConnection } from '../../../server/db/database'
import { CampaignRepository, type NewArtifactVersion, type RunFence } from '../../../server/engine/campaigns/campaign-repository'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import { DATABASE_OPEN_TIMEOUT_MS, databaseDrivers, type TestDatabase } from '../../support/test-databases'

const drivers = await databaseDrivers()
let sequence = 0

const AUDIT = { verdict: 'Pass', issues: [] } as unknown as ComplianceAuditResult

/** The fencing token behind every write a run makes: an executor that lost the run writes nothing. */
describe.each(drivers)('run fencing on the $name database', (driver) => {
  let database: TestDatabase
  let connection: DatabaseConnection
  let campaigns: CampaignRepository
  let users: UsersRepository
  beforeAll(async () => {
    if (driver.skipReason) return
    database = await driver.create()
    connection = await database.connect()
    campaigns = new CampaignRepository(connection.db)
    users = new UsersRepository(connection.db)
  }, DATABASE_OPEN_TIMEOUT_MS)
  afterAll(async () => {
    await connection?.close()
    await database?.dispose()
  })

  /** A campaign with run `run-1` queued, as the service leaves it. */
  async function queuedRun() {
    const owner = (await users.create({ email: `fence-${Date.now()}-${sequence++}@example.com`, name: 'Pat', passwordHash: 'scrypt$hash' }))!
    const brief = campaignBriefSchema.parse(SAMPLE_BRIEF)
    const created = await campaigns.create(owner.id, brief, analyzeBrief(brief))
    await campaigns.claimRun(created.id, RUNNING_STAGES, { status: 'InProgress', stage: 'Queued', runId: 'run-1', runRequest: { kind: 'generate', types: ['Copy'], feedback: [], tags: [] } })
    return created.id
  }
  const take = async (campaignId: string): Promise<RunFence> => {
    const row = await campaigns.takeRun(campaignId, 'run-1', RUNNING_STAGES, { stage: 'Generating' })
    return { campaignId, epoch: row!.runEpoch }
  }
  const version = (campaignId: string, iteration: number): NewArtifactVersion => ({
    campaignId, type: 'Copy', iteration, content: `copy ${iteration}`, metadata: { iteration } as never, agentName: 'CopywriterAgent', feedback: [`shorter ${iteration}`], tags: ['spring'], runId: 'run-1',
  })

  it.skipIf(driver.skipReason)('each take raises the epoch; a run that moved on cannot be taken', async () => {
    const id = await queuedRun()
    const first = await take(id)
    const second = await take(id)
    expect(second.epoch).toBe(first.epoch + 1)
    expect(await campaigns.takeRun(id, 'run-2', RUNNING_STAGES, { stage: 'Generating' })).toBeNull()
    await campaigns.update(id, { status: 'Cancelled', stage: null })
    expect(await campaigns.takeRun(id, 'run-1', RUNNING_STAGES, { stage: 'Generating' })).toBeNull()
  })

  it.skipIf(driver.skipReason)('refuses every write of the executor that lost the run, and stores the new one\'s', async () => {
    const id = await queuedRun()
    const stale = await take(id)
    const written = (await campaigns.appendVersionFenced(stale, version(id, 1)))!
    const current = await take(id)

    expect(await campaigns.updateFenced(stale, { status: 'Completed', stage: null })).toBeNull()
    expect(await campaigns.appendVersionFenced(stale, version(id, 2))).toBeNull()
    expect(await campaigns.appendJudgedAuditFenced(stale, { result: AUDIT, flaggedIds: [written.id], passedIds: [] })).toBeNull()
    expect((await campaigns.versions(id, 'Copy'))[0]).toMatchObject({ status: 'Generated', auditId: null })

    const audit = (await campaigns.appendJudgedAuditFenced(current, { result: AUDIT, flaggedIds: [], passedIds: [written.id] }))!
    expect((await campaigns.appendVersionFenced(current, version(id, 2)))?.iteration).toBe(2)
    expect((await campaigns.updateFenced(current, { stage: 'Auditing' }))?.stage).toBe('Auditing')

    const versions = await campaigns.versions(id, 'Copy')
    expect(versions.map(row => [row.iteration, row.content])).toEqual([[2, 'copy 2'], [1, 'copy 1']])
    expect(versions[0]).toMatchObject({ metadata: { iteration: 2 }, feedback: ['shorter 2'], tags: ['spring'], status: 'Generated', auditId: null, runId: 'run-1' })
    expect(versions[0]!.createdAt).toBeInstanceOf(Date)
    expect(versions.find(row => row.id === written.id)).toMatchObject({ status: 'Passed', auditId: audit.id })
    expect((await campaigns.latestAudit(id))?.id).toBe(audit.id)
    expect(await campaigns.find(id)).toMatchObject({ status: 'InProgress', stage: 'Auditing', runEpoch: current.epoch })
  })
})
