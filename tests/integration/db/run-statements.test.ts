import { sql } from 'drizzle-orm'
import { describe, expect, it, vi } from 'vitest'
import { analyzeBrief } from '#shared/brief-contract'
import { RUNNING_STAGES, campaignBriefSchema, type ComplianceAuditResult } from '#shared/campaign'
import { UsersRepository } from '../../../server/accounts/users-repository'
import { CampaignRepository, type NewArtifactVersion, type RunFence } from '../../../server/engine/campaigns/campaign-repository'
import type { RunRequest } from '../../../server/engine/campaigns/run-request'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import { useTestDatabase } from '../../support/database-suite'
import { databaseDrivers } from '../../support/test-databases'

const drivers = await databaseDrivers()
let sequence = 0

const AUDIT = { verdict: 'Pass', issues: [] } as unknown as ComplianceAuditResult
const REQUEST: RunRequest = { kind: 'generate', types: ['Copy'], feedback: [], tags: [] }

/** A run's statements are prepared once per shape of their values; each call still writes its own values. */
describe.each(drivers)('a run\'s prepared statements on the $name database', (driver) => {
  const suite = useTestDatabase(driver, connection => ({ users: new UsersRepository(connection.db) }))

  /** A new owner's new campaign. */
  async function newCampaign() {
    const owner = (await suite.users.create({ email: `prepared-${Date.now()}-${sequence++}@example.com`, name: 'Pat', passwordHash: 'scrypt$hash' }))!
    const brief = campaignBriefSchema.parse(SAMPLE_BRIEF)
    const { id } = await new CampaignRepository(suite.connection.db).create(owner.id, brief, analyzeBrief(brief))
    return { id, ownerId: owner.id }
  }
  const version = (campaignId: string, iteration: number): NewArtifactVersion => ({
    campaignId, type: 'Copy', iteration, content: `copy ${iteration}`, metadata: { iteration } as never, agentName: 'CopywriterAgent', feedback: [], tags: [], runId: null,
  })

  /** A run from its claim (as the service claims it) to its completion: a version written twice, audited twice, every stage. */
  async function wholeRun(campaigns: CampaignRepository, { id, ownerId }: { id: string, ownerId: string }) {
    const claimed = await campaigns.claimRun(id, RUNNING_STAGES, { status: 'InProgress', stage: 'Queued', statusReason: null, completedAt: null, runId: 'run-1', runRequest: REQUEST }, { ownerId, unlessStatuses: ['Completed'] })
    expect(claimed).toMatchObject({ id, stage: 'Queued', runRequest: REQUEST })
    const taken = (await campaigns.takeRun(id, 'run-1', RUNNING_STAGES, { stage: 'Generating', statusReason: null }))!
    const fence: RunFence = { campaignId: id, epoch: taken.runEpoch }
    const first = (await campaigns.appendVersionFenced(fence, version(id, 1)))!
    await campaigns.updateFenced(fence, { stage: 'Auditing' })
    await campaigns.appendJudgedAuditFenced(fence, { result: AUDIT, flaggedIds: [first.id], passedIds: [] })
    await campaigns.updateFenced(fence, { stage: 'Revising' })
    const second = (await campaigns.appendVersionFenced(fence, version(id, 2)))!
    await campaigns.updateFenced(fence, { stage: 'Auditing' })
    await campaigns.appendJudgedAuditFenced(fence, { result: AUDIT, flaggedIds: [], passedIds: [second.id] })
    await campaigns.updateFenced(fence, { status: 'Completed', stage: null, completedAt: new Date(), runRequest: null })
    return { id, first, second }
  }

  it.skipIf(driver.skipReason)('a claim given the owner\'s limit counts the owner\'s runs under way in its own statement', async () => {
    const campaigns = new CampaignRepository(suite.connection.db)
    const { id, ownerId } = await newCampaign()
    const brief = campaignBriefSchema.parse(SAMPLE_BRIEF)
    const others = [
      (await campaigns.create(ownerId, brief, analyzeBrief(brief))).id,
      (await campaigns.create(ownerId, brief, analyzeBrief(brief))).id,
    ]
    const claim = (campaignId: string, runId: string, ownerRunsBelow: number) => campaigns.claimRun(campaignId, RUNNING_STAGES,
      { status: 'InProgress', stage: 'Queued', runId, runRequest: REQUEST }, { ownerId, ownerRunsBelow })
    expect(await claim(others[0]!, 'run-a', 2)).toMatchObject({ id: others[0], runId: 'run-a' })
    expect(await claim(others[1]!, 'run-b', 2)).toMatchObject({ id: others[1], runId: 'run-b' })
    // Two under way: a third is refused at a limit of two, and claimed below a limit of three.
    expect(await claim(id, 'run-c', 2)).toBeNull()
    expect((await campaigns.find(id))!.runId).toBeNull()
    expect(await claim(id, 'run-c', 3)).toMatchObject({ id, runId: 'run-c' })
    expect(await campaigns.countRuns(ownerId, RUNNING_STAGES)).toBe(3)
  })

  it.skipIf(driver.skipReason)('build each statement once per shape, however many runs make it', async () => {
    const db = suite.connection.db
    const campaigns = new CampaignRepository(db)
    const [first, second, third] = [await newCampaign(), await newCampaign(), await newCampaign()]
    const update = vi.spyOn(db, 'update')
    const insert = vi.spyOn(db, 'insert')
    // The audit's insert: Drizzle inserts with a CTE through what `with` returns.
    const insertWithMarking = vi.spyOn(db, 'with')
    const spies = [update, insert, insertWithMarking]
    try {
      await wholeRun(campaigns, first!)
      // Claim, take, a stage change, the completion and the audit's marking of versions; a version; an audit.
      const builtByOneRun = [5, 1, 1]
      expect(spies.map(spy => spy.mock.calls.length)).toEqual(builtByOneRun)
      await wholeRun(campaigns, second!)
      await wholeRun(campaigns, third!)
      expect(spies.map(spy => spy.mock.calls.length)).toEqual(builtByOneRun)
    }
    finally {
      for (const spy of spies) spy.mockRestore()
    }
  })

  it.skipIf(driver.skipReason)('write each call\'s own values, a null as SQL NULL, from statements another repository prepared too', async () => {
    // Two repositories prepare the same statements, under the same names on PostgreSQL's connections.
    const runs = [
      await wholeRun(new CampaignRepository(suite.connection.db), await newCampaign()),
      await wholeRun(new CampaignRepository(suite.connection.db), await newCampaign()),
    ]
    const campaigns = new CampaignRepository(suite.connection.db)
    for (const { id, first, second } of runs) {
      expect(await campaigns.find(id)).toMatchObject({ status: 'Completed', stage: null, runRequest: null, statusReason: null, runEpoch: 1 })
      const { versions } = await campaigns.versionsPage(id, 'Copy', { limit: 50, textBytes: Number.POSITIVE_INFINITY })
      expect(versions.map(row => [row.id, row.content, row.status, row.runId])).toEqual([[second.id, 'copy 2', 'Passed', null], [first.id, 'copy 1', 'Flagged', null]])
      expect(versions[0]!.auditId).toBe((await campaigns.latestAudit(id))!.id)
      const { rows } = await suite.connection.db.execute(sql`SELECT run_request IS NULL AS "noRequest", completed_at IS NOT NULL AS "completed" FROM campaigns WHERE id = ${id}`) as unknown as { rows: Array<Record<string, boolean>> }
      // A JSON null would read as null too: only IS NULL tells SQL's NULL from it.
      expect(rows).toEqual([{ noRequest: true, completed: true }])
    }
    expect(runs[0]!.id).not.toBe(runs[1]!.id)
  })
})
