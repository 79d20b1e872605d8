import { describe, expect, it } from 'vitest'
import { analyzeBrief } from '#shared/brief-contract'
import { RUNNING_STAGES, campaignBriefSchema, type ComplianceAuditResult } from '#shared/campaign'
import { UsersRepository } from '../../../server/accounts/users-repository'
import { CampaignRepository, type NewArtifactVersion, type RunFence } from '../../../server/engine/campaigns/campaign-repository'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import { useTestDatabase } from '../../support/database-suite'
import { databaseDrivers } from '../../support/test-databases'

const drivers = await databaseDrivers()
let sequence = 0

const AUDIT = { verdict: 'Pass', issues: [] } as unknown as ComplianceAuditResult
/** Every version of an artifact in one page: these campaigns hold two. */
const ALL_VERSIONS = { limit: 50, textBytes: Number.POSITIVE_INFINITY }

/** The fencing token behind every write a run makes: an executor that lost the run writes nothing. */
describe.each(drivers)('run fencing on the $name database', (driver) => {
  const suite = useTestDatabase(driver, connection => ({
    campaigns: new CampaignRepository(connection.db),
    users: new UsersRepository(connection.db),
  }))

  /** A campaign with run `run-1` queued, as the service leaves it. */
  async function queuedRun() {
    const owner = (await suite.users.create({ email: `fence-${Date.now()}-${sequence++}@example.com`, name: 'Pat', passwordHash: 'scrypt$hash' }))!
    const brief = campaignBriefSchema.parse(SAMPLE_BRIEF)
    const created = await suite.campaigns.create(owner.id, brief, analyzeBrief(brief))
    await suite.campaigns.claimRun(created.id, RUNNING_STAGES, { status: 'InProgress', stage: 'Queued', runId: 'run-1', runRequest: { kind: 'generate', types: ['Copy'], feedback: [], tags: [] } })
    return created.id
  }
  const take = async (campaignId: string): Promise<RunFence> => {
    const row = await suite.campaigns.takeRun(campaignId, 'run-1', RUNNING_STAGES, { stage: 'Generating' })
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
    expect(await suite.campaigns.takeRun(id, 'run-2', RUNNING_STAGES, { stage: 'Generating' })).toBeNull()
    await suite.campaigns.update(id, { status: 'Cancelled', stage: null })
    expect(await suite.campaigns.takeRun(id, 'run-1', RUNNING_STAGES, { stage: 'Generating' })).toBeNull()
  })

  it.skipIf(driver.skipReason)('refuses every write of the executor that lost the run, and stores the new one\'s', async () => {
    const id = await queuedRun()
    const stale = await take(id)
    const written = (await suite.campaigns.appendVersionFenced(stale, version(id, 1)))!
    const current = await take(id)

    expect(await suite.campaigns.updateFenced(stale, { status: 'Completed', stage: null })).toBeNull()
    expect(await suite.campaigns.appendVersionFenced(stale, version(id, 2))).toBeNull()
    expect(await suite.campaigns.appendJudgedAuditFenced(stale, { result: AUDIT, flaggedIds: [written.id], passedIds: [] })).toBeNull()
    expect((await suite.campaigns.versionsPage(id, 'Copy', ALL_VERSIONS)).versions[0]).toMatchObject({ status: 'Generated', auditId: null })

    const audit = (await suite.campaigns.appendJudgedAuditFenced(current, { result: AUDIT, flaggedIds: [], passedIds: [written.id] }))!
    expect((await suite.campaigns.appendVersionFenced(current, version(id, 2)))?.iteration).toBe(2)
    expect((await suite.campaigns.updateFenced(current, { stage: 'Auditing' }))?.stage).toBe('Auditing')

    const { versions } = await suite.campaigns.versionsPage(id, 'Copy', ALL_VERSIONS)
    expect(versions.map(row => [row.iteration, row.content])).toEqual([[2, 'copy 2'], [1, 'copy 1']])
    expect(versions[0]).toMatchObject({ metadata: { iteration: 2 }, feedback: ['shorter 2'], tags: ['spring'], status: 'Generated', auditId: null, runId: 'run-1' })
    expect(versions[0]!.createdAt).toBeInstanceOf(Date)
    expect(versions.find(row => row.id === written.id)).toMatchObject({ status: 'Passed', auditId: audit.id })
    expect((await suite.campaigns.latestAudit(id))?.id).toBe(audit.id)
    expect(await suite.campaigns.find(id)).toMatchObject({ status: 'InProgress', stage: 'Auditing', runEpoch: current.epoch })
  })
})
