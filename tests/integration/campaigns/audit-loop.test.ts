import { describe, expect, it } from 'vitest'
import type { RegisteredUser } from '../../support/api-client'
import type { RunningApp } from '../../support/app-server'
import { connectCampaignHub, type RecordedEvent } from '../../support/campaign-hub'
import { createCampaign, iterations, RISKY_BRIEF, versionsOf, waitForCampaign } from '../../support/campaigns'
import { useCampaignApp } from '../../support/campaign-suite'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Issue = any

const highIssues = (audit: { issues: Issue[] }) => audit.issues.filter((issue: Issue) => issue.severity === 'High')
const flaggedTypes = (audit: { issues: Issue[] }) => [...new Set(highIssues(audit).map((issue: Issue) => issue.artifactType as string))].sort()

/** Generates the risky brief with a hub client in its group; returns the campaign id and the client's log. */
async function generateRisky(app: RunningApp, owner: RegisteredUser) {
  const id = await createCampaign(owner.client, RISKY_BRIEF)
  const hub = await connectCampaignHub(app.url, owner.client)
  await hub.connection.invoke('JoinCampaignGroup', id)
  await hub.connection.invoke('WatchCampaign', id)
  expect((await owner.client.post(`/api/campaigns/${id}/generate`)).status).toBe(202)
  return { id, ...hub }
}

/** The audit finds High issues, and the run rewrites what it flagged with the audit's recommendations. */
describe('the audit feedback loop', () => {
  const suite = useCampaignApp()

  it('revises the flagged artifacts with the recommendations, passes the second audit, then completes', async () => {
    const { id, connection, log } = await generateRisky(suite.app, suite.owner)
    await log.waitFor(event => event.name === 'OnCampaignCompleted', 'completion')
    await connection.stop()

    const audits = log.named('OnComplianceCheckCompleted').map(event => event.args[0])
    expect(audits.length).toBeGreaterThanOrEqual(2)
    const [first, second] = audits
    expect(first).toMatchObject({ campaignId: id, isCompliant: false, verdict: 'Fail' })
    const high = highIssues(first)
    expect(high.length).toBeGreaterThan(0)
    for (const issue of high) {
      expect(issue).toMatchObject({ ruleId: expect.any(String), category: expect.any(String), location: expect.any(String), source: 'rules' })
      expect(issue.recommendation.length).toBeGreaterThan(10)
    }
    expect(high.map((issue: Issue) => issue.ruleId)).toContain('claims.unsubstantiated')
    const flagged = flaggedTypes(first)

    // After the first audit, only the flagged types are written again, as iteration 2.
    const firstAuditAt = log.events.findIndex(event => event.name === 'OnComplianceCheckCompleted')
    const rewritten = log.events.slice(firstAuditAt).filter((event: RecordedEvent) => event.name === 'OnArtifactGenerated').map(event => event.args[0])
    expect(rewritten.map(artifact => artifact.type).sort()).toEqual(flagged)
    expect(rewritten.every(artifact => artifact.metadata.iteration === 2)).toBe(true)

    expect(highIssues(second)).toEqual([])
    expect(second.verdict).not.toBe('Fail')
    expect(audits.at(-1)!.isCompliant).toBe(true)
    expect(log.named('OnCampaignCompleted').map(event => event.args)).toEqual([[id]])

    const detail = await waitForCampaign(suite.owner.client, id)
    expect(detail).toMatchObject({ status: 'Completed', complianceStatus: second.verdict })
    for (const artifact of detail.artifacts) {
      const versions = await versionsOf(suite.owner.client, id, artifact.id)
      if (!flagged.includes(artifact.type)) {
        expect(versions.map(version => version.iteration), artifact.type).toEqual([1])
        continue
      }
      expect(versions.map(version => version.iteration), artifact.type).toEqual([2, 1])
      // The rewrite was asked for in the audit's own words.
      const asked = high.filter((issue: Issue) => issue.artifactType === artifact.type).map((issue: Issue) => issue.recommendation)
      expect(versions[0].feedback).toEqual(asked)
      expect(versions[1]).toMatchObject({ status: 'Flagged', feedback: [], audit: { verdict: 'Fail' } })
      expect(versions[0].status).toBe('Passed')
    }
  })
})

describe('the audit feedback loop with no automatic revisions (MAX_REVISION_ROUNDS=0)', () => {
  const suite = useCampaignApp({ MAX_REVISION_ROUNDS: '0' })

  it('waits for the marketer in AwaitingReview, and completes once the flagged artifacts are approved', async () => {
    const { id, connection, log } = await generateRisky(suite.app, suite.owner)
    const waiting = await log.waitFor(
      event => event.name === 'OnCampaignUpdated' && event.args[0]?.stage === 'AwaitingReview', 'the AwaitingReview snapshot')
    expect(waiting.args[0]).toMatchObject({ campaignId: id, status: 'InProgress', statusReason: expect.stringMatching(/approve|regenerate|revise/i) })

    const detail = await waitForCampaign(suite.owner.client, id)
    expect(detail).toMatchObject({ status: 'InProgress', stage: 'AwaitingReview', complianceStatus: 'Fail', completedAt: null })
    expect(detail.statusReason).toBeTruthy()
    // The list's stage filters tell a campaign awaiting review from one whose run is under way.
    const listed = async (stage: string) => (await suite.owner.client.get(`/api/campaigns?stage=${stage}`)).body.items.map((item: { id: string }) => item.id)
    expect(await listed('AwaitingReview')).toContain(id)
    expect(await listed('Running')).not.toContain(id)
    expect(iterations(detail)).toEqual({ Copy: 1, ShortCopy: 1, Visual: 1 })
    expect(log.named('OnComplianceCheckCompleted')).toHaveLength(1)
    expect(log.named('OnCampaignCompleted')).toEqual([])

    const flagged = flaggedTypes(log.named('OnComplianceCheckCompleted')[0]!.args[0])
    expect(flagged.length).toBeGreaterThan(0)
    for (const artifact of detail.artifacts) expect(artifact.status).toBe(flagged.includes(artifact.type) ? 'Flagged' : 'Passed')

    for (const [index, type] of flagged.entries()) {
      const approved = await suite.owner.client.post(`/api/campaigns/${id}/artifacts/${type}/approve`)
      expect(approved.status).toBe(200)
      expect(approved.body).toMatchObject({ type, status: 'Approved' })
      const now = (await suite.owner.client.get(`/api/campaigns/${id}`)).body
      // Nothing completes while any flagged artifact is still unapproved.
      expect(now.status).toBe(index === flagged.length - 1 ? 'Completed' : 'InProgress')
    }
    await log.waitFor(event => event.name === 'OnCampaignCompleted', 'completion after approval')
    expect(log.named('OnCampaignCompleted').map(event => event.args)).toEqual([[id]])
    expect(await waitForCampaign(suite.owner.client, id)).toMatchObject({ status: 'Completed', stage: null, completedAt: expect.any(String) })
    await connection.stop()
  })
})
