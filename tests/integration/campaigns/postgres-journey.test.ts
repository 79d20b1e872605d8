import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerUser } from '../../support/api-client'
import type { RunningApp } from '../../support/app-server'
import { connectCampaignHub, SAMPLE_BRIEF } from '../../support/campaign-hub'
import { createCampaign, iterations, runToEnd, startCampaignApp, versionsOf } from '../../support/campaigns'
import { createReviewLink } from '../../support/review-hub'
import { databaseDrivers, type TestDatabase } from '../../support/test-databases'

const postgres = (await databaseDrivers()).find(driver => driver.name === 'postgres')!

/**
 * The marketer's main journey on PostgreSQL (DATABASE_URL). The other campaign suites run on the
 * embedded database, so each server start here buys coverage of the second database only.
 */
describe.skipIf(postgres.skipReason)('the campaign journey on PostgreSQL', () => {
  let database: TestDatabase
  let app: RunningApp
  beforeAll(async () => {
    database = await postgres.create()
    app = await startCampaignApp({ DATABASE_URL: database.url! })
  }, 90_000)
  afterAll(async () => {
    await app?.stop()
    await database?.dispose()
  })

  it('create, generate live, audit, revise, and read the versions', async () => {
    expect(app.output()).toContain('Database ready (PostgreSQL)')
    const owner = await registerUser(app.url)
    const id = await createCampaign(owner.client)
    const { connection, log } = await connectCampaignHub(app.url, owner.client)
    await connection.invoke('JoinCampaignGroup', id)
    expect((await owner.client.post(`/api/campaigns/${id}/generate`)).status).toBe(202)
    await log.waitFor(event => event.name === 'OnCampaignCompleted', 'completion')
    await connection.stop()
    expect(log.named('OnArtifactGenerated').map(event => event.args[0].type).sort()).toEqual(['Copy', 'ShortCopy', 'Visual'])

    const generated = (await owner.client.get(`/api/campaigns/${id}`)).body
    expect(generated).toMatchObject({ status: 'Completed', complianceStatus: 'Pass', revisionNumber: 0 })
    expect(iterations(generated)).toEqual({ Copy: 1, ShortCopy: 1, Visual: 1 })
    const audit = await owner.client.get(`/api/campaigns/${id}/compliance`)
    expect(audit.status).toBe(200)
    expect(audit.body).toMatchObject({ campaignId: id, isCompliant: true })

    const revised = await runToEnd(owner.client, id, '/revise', { feedback: 'More about comfort on long runs' })
    expect(revised).toMatchObject({ status: 'Completed', revisionNumber: 1, brief: generated.brief })
    expect(iterations(revised)).toEqual({ Copy: 2, ShortCopy: 2, Visual: 2 })
    for (const artifact of revised.artifacts) {
      const versions = await versionsOf(owner.client, id, artifact.id)
      expect(versions.map(version => version.iteration)).toEqual([2, 1])
      expect(versions[0].feedback).toEqual(['More about comfort on long runs'])
      expect(versions[1].id).toBe(generated.artifacts.find((first: { type: string }) => first.type === artifact.type).id)
    }
    const listed = (await owner.client.get('/api/campaigns?status=Completed')).body
    expect(listed.items.map((item: { id: string }) => item.id)).toEqual([id])
    expect(listed.items[0].theme).toBe(SAMPLE_BRIEF.theme)

    // A person's versions take the campaign's row lock in a transaction: an edit, then a restore.
    const copy = (await owner.client.get(`/api/campaigns/${id}/artifacts?type=Copy`)).body.artifacts[0]
    const edited = await owner.client.post(`/api/campaigns/${id}/artifacts/Copy/versions`, {
      type: 'Copy', basedOn: 2, headlines: ['Edited on PostgreSQL', ...copy.metadata.headlines.slice(1)], body: copy.metadata.body, callsToAction: copy.metadata.callsToAction,
    })
    expect(edited.status, JSON.stringify(edited.body)).toBe(201)
    expect(edited.body).toMatchObject({ iteration: 3, metadata: { editedBy: owner.name, basedOn: 2 }, audit: { verdict: 'Pass' } })
    const restored = await owner.client.post(`/api/campaigns/${id}/artifacts/Copy/versions/2/restore`)
    expect(restored.status, JSON.stringify(restored.body)).toBe(201)
    expect(restored.body).toMatchObject({ iteration: 4, content: copy.content, metadata: { restoredFrom: 2 } })

    // A reviewer's decision on one item is stored with its version, and the owner resolves it.
    const link = await createReviewLink(owner.client, id)
    const decided = await owner.client.anonymous().post(`/api/review/${link.token}/decisions`, {
      reviewerName: 'Rae', decision: 'request-changes', comment: 'Warmer.', artifactType: 'Copy', version: 3, quote: 'Edited on PostgreSQL',
    })
    expect(decided.status, JSON.stringify(decided.body)).toBe(201)
    expect(decided.body).toMatchObject({ version: 3, quote: 'Edited on PostgreSQL', resolvedAt: null })
    const resolved = await owner.client.post(`/api/campaigns/${id}/review-decisions/${decided.body.id}/resolve`)
    expect(resolved.body.resolvedAt).toEqual(expect.any(String))
    expect((await owner.client.get(`/api/campaigns/${id}/review-decisions`)).body.decisions).toEqual([resolved.body])
  })
})
