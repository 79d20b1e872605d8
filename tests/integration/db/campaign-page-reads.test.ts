import { describe, expect, it } from 'vitest'
import { analyzeBrief } from '#shared/brief-contract'
import { campaignBriefSchema, campaignListQuerySchema, type ArtifactType } from '#shared/campaign'
import { UsersRepository } from '../../../server/accounts/users-repository'
import { CampaignRepository, type VersionsPageQuery } from '../../../server/engine/campaigns/campaign-repository'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import { useTestDatabase } from '../../support/database-suite'
import { databaseDrivers } from '../../support/test-databases'

const drivers = await databaseDrivers()
let sequence = 0

/** What the campaign pages read: a history a page at a time, one version by its number, the list's summaries. */
describe.each(drivers)('campaign pages\' reads on the $name database', (driver) => {
  const suite = useTestDatabase(driver, connection => ({
    campaigns: new CampaignRepository(connection.db),
    users: new UsersRepository(connection.db),
  }))

  /** A campaign whose Copy has a version of each of `sizes` (bytes of content), version 1 first, and one Visual. */
  async function campaignWithVersions(sizes: number[]): Promise<string> {
    const owner = (await suite.users.create({ email: `versions-${Date.now()}-${sequence++}@example.com`, name: 'Pat', passwordHash: 'scrypt$hash' }))!
    const brief = campaignBriefSchema.parse(SAMPLE_BRIEF)
    const { id } = await suite.campaigns.create(owner.id, brief, analyzeBrief(brief))
    const append = (type: ArtifactType, iteration: number, content: string) => suite.campaigns.appendVersion({
      campaignId: id, type, iteration, content, metadata: { iteration } as never, agentName: 'Agent', feedback: [], tags: [], runId: null,
    })
    for (const [index, size] of sizes.entries()) await append('Copy', index + 1, `${index + 1}:`.padEnd(size, 'x'))
    await append('Visual', 1, 'visual')
    return id
  }
  /** Reads a page of the campaign's Copy versions and checks which versions it holds and whether older ones follow. */
  async function expectPage(id: string, query: VersionsPageQuery, iterations: number[], hasOlder: boolean) {
    const page = await suite.campaigns.versionsPage(id, 'Copy', query)
    expect({ iterations: page.versions.map(version => version.iteration), hasOlder: page.hasOlder }).toEqual({ iterations, hasOlder })
    return page
  }

  it.skipIf(driver.skipReason)('pages through every version newest first, each page up to its limit', async () => {
    const id = await campaignWithVersions([10, 10, 10, 10, 10])
    await expectPage(id, { limit: 2, textBytes: 1000 }, [5, 4], true)
    await expectPage(id, { before: 4, limit: 2, textBytes: 1000 }, [3, 2], true)
    const last = await expectPage(id, { before: 2, limit: 2, textBytes: 1000 }, [1], false)
    expect(last.versions[0]).toMatchObject({ campaignId: id, type: 'Copy', content: '1:'.padEnd(10, 'x'), metadata: { iteration: 1 } })
    await expectPage(id, { before: 1, limit: 2, textBytes: 1000 }, [], false)
    await expectPage(id, { limit: 5, textBytes: 1000 }, [5, 4, 3, 2, 1], false)
  })

  it.skipIf(driver.skipReason)('ends a page before its text passes the budget, yet always holds one version', async () => {
    const id = await campaignWithVersions([300, 300, 5000, 300, 300])
    // 300 + 300 fit in 700 bytes; a third would not.
    await expectPage(id, { limit: 10, textBytes: 700 }, [5, 4], true)
    // Version 3 alone is over the budget: it comes by itself.
    const alone = await expectPage(id, { before: 4, limit: 10, textBytes: 700 }, [3], true)
    expect(alone.versions[0]!.content).toHaveLength(5000)
    await expectPage(id, { before: 3, limit: 10, textBytes: 700 }, [2, 1], false)
  })

  it.skipIf(driver.skipReason)('lists campaigns with what a summary shows, without their briefs', async () => {
    const id = await campaignWithVersions([10])
    const owner = (await suite.campaigns.find(id))!.ownerId
    const { rows, totalCount } = await suite.campaigns.list(owner, campaignListQuerySchema.parse({}))
    expect(totalCount).toBe(1)
    expect(rows).toEqual([{
      id, theme: SAMPLE_BRIEF.theme, status: 'Created', stage: null, createdAt: expect.any(Date), updatedAt: expect.any(Date), completedAt: null,
    }])
  })

  it.skipIf(driver.skipReason)('finds one version by its number, of that artifact only', async () => {
    const id = await campaignWithVersions([10, 20, 30])
    expect(await suite.campaigns.findIteration(id, 'Copy', 2)).toMatchObject({ campaignId: id, type: 'Copy', iteration: 2, content: '2:'.padEnd(20, 'x') })
    expect(await suite.campaigns.findIteration(id, 'Visual', 1)).toMatchObject({ type: 'Visual', content: 'visual' })
    expect(await suite.campaigns.findIteration(id, 'Visual', 2)).toBeNull()
    expect(await suite.campaigns.findIteration(id, 'Copy', 4)).toBeNull()
    expect(await suite.campaigns.findIteration('cmp_missing', 'Copy', 1)).toBeNull()
  })
})
