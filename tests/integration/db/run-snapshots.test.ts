import { describe, expect, it } from 'vitest'
import { analyzeBrief } from '#shared/brief-contract'
import { REVIEW_FEEDBACK_IN_SNAPSHOT, RUNNING_STAGES, campaignBriefSchema, type CampaignStatusSnapshot } from '#shared/campaign'
import { UsersRepository } from '../../../server/accounts/users-repository'
import { CampaignRepository } from '../../../server/engine/campaigns/campaign-repository'
import { detailStateOf, type CampaignState } from '../../../server/engine/campaigns/campaign-state'
import { toDetail, toSnapshot } from '../../../server/engine/campaigns/campaign-views'
import { auditArtifacts } from '../../../server/engine/compliance'
import type { CampaignEvents } from '../../../server/engine/orchestrator/campaign-events'
import { executeRun, type Auditor } from '../../../server/engine/orchestrator/campaign-run'
import { OfflineWriter } from '../../../server/engine/writers/offline/offline-writer'
import type { ArtifactWriter } from '../../../server/engine/writers/types'
import { databaseStatements } from '../../../server/observability/metrics'
import { ReviewLinksRepository } from '../../../server/reviews/review-links-repository'
import { MAX_REVIEW_LINKS_PER_CAMPAIGN } from '../../../server/reviews/review-link-service'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import { useTestDatabase } from '../../support/database-suite'
import { databaseDrivers } from '../../support/test-databases'

const drivers = await databaseDrivers()

const COPY_METADATA = {
  model: 'offline-writer', iteration: 1, headlines: ['Grow something new'], body: { short: 'Grow.', medium: 'Grow something.', long: 'Grow something new.' }, callsToAction: ['Start today'], toneNote: 'Warm',
}

const statementsSoFar = async () => (await databaseStatements.get()).values[0]?.value ?? 0

/**
 * A run announces snapshots built from what it holds and what its writes return, not from reads of
 * their own: each must equal the snapshot read from the database at that moment, and the run must
 * stay within its statements.
 */
describe.each(drivers)('a run\'s snapshots on the $name database', (driver) => {
  const suite = useTestDatabase(driver, connection => ({ campaigns: new CampaignRepository(connection.db) }))

  /** The campaign's state read as separate statements, each plain: what the folded reads must equal. */
  async function stateReadOneByOne(id: string): Promise<CampaignState> {
    return {
      current: await suite.campaigns.currentVersions(id),
      audit: await suite.campaigns.latestAudit(id),
      feedback: (await suite.campaigns.reviewFeedback(id, REVIEW_FEEDBACK_IN_SNAPSHOT))!,
      feedbackCount: await suite.campaigns.countReviewFeedback(id),
    }
  }

  /** A new campaign of a new owner, and another user who does not own it. */
  async function ownersCampaignAndStranger(label: string) {
    const users = new UsersRepository(suite.connection.db)
    const owner = (await users.create({ email: `${label}-${Date.now()}@example.com`, name: 'Pat', passwordHash: 'scrypt$hash' }))!
    const stranger = (await users.create({ email: `stranger-${label}-${Date.now()}@example.com`, name: 'Sam', passwordHash: 'scrypt$hash' }))!
    const brief = campaignBriefSchema.parse(SAMPLE_BRIEF)
    const { id } = await suite.campaigns.create(owner.id, brief, analyzeBrief(brief))
    return { owner, stranger, brief, id }
  }

  it.skipIf(driver.skipReason)('start with a claim that returns the campaign\'s state, in one statement', async () => {
    const owner = (await new UsersRepository(suite.connection.db).create({ email: `claim-${Date.now()}@example.com`, name: 'Pat', passwordHash: 'scrypt$hash' }))!
    const brief = campaignBriefSchema.parse(SAMPLE_BRIEF)
    const { id } = await suite.campaigns.create(owner.id, brief, analyzeBrief(brief))
    const link = (await new ReviewLinksRepository(suite.connection.db).create({ campaignId: id, tokenHash: `hash-claim-${id}`, allowFeedback: true, expiresAt: new Date(Date.now() + 60_000) }, MAX_REVIEW_LINKS_PER_CAMPAIGN, new Date()))!
    await suite.campaigns.appendReviewFeedback({ campaignId: id, linkId: link.id, reviewerName: 'Robin', decision: 'approve', comment: 'Lovely.' }, { perLink: 10, perCampaign: 10 })

    const before = await statementsSoFar()
    const claimed = await suite.campaigns.claimRun(id, RUNNING_STAGES, { status: 'InProgress', stage: 'Queued', runId: 'run-claim', runRequest: { kind: 'generate', types: ['Copy'], feedback: [], tags: [] } })
    expect(await statementsSoFar() - before).toBe(1)

    const row = (await suite.campaigns.find(id))!
    expect(toSnapshot(claimed!, claimed!)).toEqual(toSnapshot(row, await stateReadOneByOne(id)))
    expect(claimed).toMatchObject({ stage: 'Queued', feedbackCount: 1, feedback: [{ comment: 'Lovely.' }] })
    // A second claim while the run is queued is refused.
    expect(await suite.campaigns.claimRun(id, RUNNING_STAGES, { stage: 'Queued', runId: 'run-other' })).toBeNull()
  })

  it.skipIf(driver.skipReason)('claim for its owner only, and not in a status the guard refuses, in the claim\'s own statement', async () => {
    const users = new UsersRepository(suite.connection.db)
    const owner = (await users.create({ email: `guard-${Date.now()}@example.com`, name: 'Pat', passwordHash: 'scrypt$hash' }))!
    const stranger = (await users.create({ email: `guard-stranger-${Date.now()}@example.com`, name: 'Sam', passwordHash: 'scrypt$hash' }))!
    const brief = campaignBriefSchema.parse(SAMPLE_BRIEF)
    const { id } = await suite.campaigns.create(owner.id, brief, analyzeBrief(brief))
    const claim = (runId: string) => ({ status: 'InProgress' as const, stage: 'Queued' as const, runId, runRequest: { kind: 'generate' as const, types: ['Copy' as const], feedback: [], tags: [] } })

    expect(await suite.campaigns.claimRun(id, RUNNING_STAGES, claim('run-stranger'), { ownerId: stranger.id })).toBeNull()
    await suite.campaigns.update(id, { status: 'Completed' })
    expect(await suite.campaigns.claimRun(id, RUNNING_STAGES, claim('run-completed'), { ownerId: owner.id, unlessStatuses: ['Completed'] })).toBeNull()
    expect((await suite.campaigns.find(id))).toMatchObject({ status: 'Completed', runId: null })

    const before = await statementsSoFar()
    expect(await suite.campaigns.claimRun('camp_not-a-campaign-id', RUNNING_STAGES, claim('run-malformed'), { ownerId: owner.id })).toBeNull()
    expect(await statementsSoFar() - before).toBe(0)
    const claimed = await suite.campaigns.claimRun(id, RUNNING_STAGES, claim('run-owner'), { ownerId: owner.id })
    expect(await statementsSoFar() - before).toBe(1)
    expect(claimed).toMatchObject({ id, status: 'InProgress', stage: 'Queued', runId: 'run-owner' })
  })

  it.skipIf(driver.skipReason)('show a campaign\'s detail to its owner only, from one statement that reads what the detail shows and no more', async () => {
    const { owner, stranger, brief, id } = await ownersCampaignAndStranger('detail')
    const link = (await new ReviewLinksRepository(suite.connection.db).create({ campaignId: id, tokenHash: `hash-detail-${id}`, allowFeedback: true, expiresAt: new Date(Date.now() + 60_000) }, MAX_REVIEW_LINKS_PER_CAMPAIGN, new Date()))!
    await suite.campaigns.appendReviewFeedback({ campaignId: id, linkId: link.id, reviewerName: 'Robin', decision: 'approve', comment: 'Lovely.' }, { perLink: 10, perCampaign: 10 })
    const version = await suite.campaigns.appendVersion({ campaignId: id, type: 'Copy', iteration: 1, content: 'Grow something new.', metadata: COPY_METADATA, agentName: 'Copywriter', feedback: [], tags: [], runId: null })
    const result = auditArtifacts({ campaignId: id, brief, checks: analyzeBrief(brief).checks, artifacts: [{ type: 'Copy', content: version.content, metadata: version.metadata }] })
    await suite.campaigns.appendJudgedAudit(id, { result, flaggedIds: [], passedIds: [version.id] })

    const before = await statementsSoFar()
    const shown = await suite.campaigns.findOwnedWithDetail(id, owner.id)
    expect(await statementsSoFar() - before).toBe(1)

    const row = (await suite.campaigns.find(id))!
    expect(toDetail(shown!, shown!)).toEqual(toDetail(row, detailStateOf(await stateReadOneByOne(id))))
    expect(shown).toMatchObject({ feedbackCount: 1, current: [{ id: version.id, type: 'Copy', status: 'Passed' }], audit: { verdict: result.verdict, complianceScore: result.complianceScore } })
    expect(shown!.current[0]).not.toHaveProperty('content')
    expect(shown!.audit).not.toHaveProperty('issues')
    expect(await suite.campaigns.findOwnedWithDetail(id, stranger.id)).toBeNull()
  })

  it.skipIf(driver.skipReason)('give a page of summaries each campaign\'s latest verdict and score, in one statement', async () => {
    const owner = (await new UsersRepository(suite.connection.db).create({ email: `verdicts-${Date.now()}@example.com`, name: 'Pat', passwordHash: 'scrypt$hash' }))!
    const brief = campaignBriefSchema.parse(SAMPLE_BRIEF)
    const [audited, neverAudited] = [await suite.campaigns.create(owner.id, brief, analyzeBrief(brief)), await suite.campaigns.create(owner.id, brief, analyzeBrief(brief))]
    const version = await suite.campaigns.appendVersion({ campaignId: audited.id, type: 'Copy', iteration: 1, content: 'Grow something new.', metadata: COPY_METADATA, agentName: 'Copywriter', feedback: [], tags: [], runId: null })
    const result = auditArtifacts({ campaignId: audited.id, brief, checks: analyzeBrief(brief).checks, artifacts: [{ type: 'Copy', content: version.content, metadata: version.metadata }] })
    await suite.campaigns.appendJudgedAudit(audited.id, { result: { ...result, verdict: 'Fail', complianceScore: 12.5 }, flaggedIds: [version.id], passedIds: [] })
    await suite.campaigns.appendJudgedAudit(audited.id, { result, flaggedIds: [], passedIds: [version.id] })

    const before = await statementsSoFar()
    const verdicts = await suite.campaigns.latestVerdicts([audited.id, neverAudited.id])
    expect(await statementsSoFar() - before).toBe(1)
    expect(verdicts.get(audited.id)).toEqual({ verdict: result.verdict, complianceScore: result.complianceScore })
    expect(verdicts.has(neverAudited.id)).toBe(false)
  })

  it.skipIf(driver.skipReason)('show a campaign\'s snapshot to its owner only, from one statement that reads its state too', async () => {
    const { owner, stranger, id } = await ownersCampaignAndStranger('snapshot')
    await suite.campaigns.appendVersion({ campaignId: id, type: 'Copy', iteration: 1, content: 'Grow something new.', metadata: COPY_METADATA, agentName: 'Copywriter', feedback: [], tags: [], runId: null })

    const before = await statementsSoFar()
    const shown = await suite.campaigns.findOwnedWithState(id, owner.id)
    expect(await statementsSoFar() - before).toBe(1)

    const row = (await suite.campaigns.find(id))!
    expect(toSnapshot(shown!, shown!)).toEqual(toSnapshot(row, await stateReadOneByOne(id)))
    expect(shown).toMatchObject({ current: [{ type: 'Copy', content: 'Grow something new.' }] })
    expect(await suite.campaigns.findOwnedWithState(id, stranger.id)).toBeNull()
  })

  it.skipIf(driver.skipReason)('equal the database\'s at every stage, through a revision round, in 11 statements', async () => {
    const owner = (await new UsersRepository(suite.connection.db).create({ email: `snapshots-${Date.now()}@example.com`, name: 'Pat', passwordHash: 'scrypt$hash' }))!
    const brief = campaignBriefSchema.parse(SAMPLE_BRIEF)
    const { id } = await suite.campaigns.create(owner.id, brief, analyzeBrief(brief))
    const link = (await new ReviewLinksRepository(suite.connection.db).create({ campaignId: id, tokenHash: `hash-${id}`, allowFeedback: true, expiresAt: new Date(Date.now() + 60_000) }, MAX_REVIEW_LINKS_PER_CAMPAIGN, new Date()))!
    await suite.campaigns.appendReviewFeedback({ campaignId: id, linkId: link.id, reviewerName: 'Robin', decision: 'request-changes', comment: 'Warmer, please.' }, { perLink: 10, perCampaign: 10 })
    await suite.campaigns.claimRun(id, RUNNING_STAGES, { status: 'InProgress', stage: 'Queued', runId: 'run-1', runRequest: { kind: 'generate', types: ['Copy', 'ShortCopy', 'Visual'], feedback: [], tags: [] } })

    const snapshots: CampaignStatusSnapshot[] = []
    const compared: Array<{ announced: CampaignStatusSnapshot, read: CampaignStatusSnapshot }> = []
    let checkStatements = 0
    /** The last snapshot announced, and the database's: read where the run waits on the writer or the audit. */
    const compareWithDatabase = async () => {
      const before = await statementsSoFar()
      const row = (await suite.campaigns.find(id))!
      compared.push({ announced: snapshots.at(-1)!, read: toSnapshot(row, await stateReadOneByOne(id)) })
      checkStatements += await statementsSoFar() - before
    }

    const offline = new OfflineWriter({ paceMs: 0 })
    let comparing: { stage: string, done: Promise<void> } | null = null
    const writer: ArtifactWriter = {
      model: offline.model,
      async write(request) {
        const stage = snapshots.at(-1)!.stage!
        // Once per stage, and every write of the stage waits for it: parallel writes follow one snapshot.
        if (comparing?.stage !== stage) comparing = { stage, done: compareWithDatabase() }
        await comparing.done
        return offline.write(request)
      },
    }
    let audits = 0
    // The first audit flags the copy, so the run revises it once.
    const audit: Auditor = async (input) => {
      await compareWithDatabase()
      const result = auditArtifacts(input)
      if (audits++ > 0) return result
      return { ...result, verdict: 'Fail', issues: [...result.issues, { artifactType: 'Copy', issueDescription: 'Too cold.', severity: 'High', ruleId: 'test.tone', category: 'tone', location: 'body', recommendation: 'Make it warmer.', source: 'rules' }] }
    }
    const events: CampaignEvents = {
      started: () => undefined,
      chunk: () => undefined,
      artifactGenerated: () => undefined,
      complianceChecked: () => undefined,
      completed: () => undefined,
      failed: () => undefined,
      statusChanged: (_ownerId, snapshot) => void snapshots.push(snapshot),
      reviewFeedbackReceived: () => undefined,
      reviewDecisionChanged: () => undefined,
    }

    const start = await statementsSoFar()
    const outcome = await executeRun(
      { campaignId: id, runId: 'run-1', request: { kind: 'generate', types: ['Copy', 'ShortCopy', 'Visual'], feedback: [], tags: [] }, controller: new AbortController() },
      { repository: suite.campaigns, writer, audit, retry: (_campaignId, attempt) => attempt(), events, maxRevisionRounds: 1 },
    )
    const runStatements = await statementsSoFar() - start - checkStatements
    await compareWithDatabase()
    // The one-statement read a REST detail, a snapshot and a run's start use.
    expect(await suite.campaigns.state(id)).toEqual(await stateReadOneByOne(id))

    expect(outcome).toBe('completed')
    expect(snapshots.map(snapshot => snapshot.stage ?? snapshot.status)).toEqual(['Generating', 'Auditing', 'Revising', 'Auditing', 'Completed'])
    expect(compared.map(({ read }) => read.stage ?? read.status)).toEqual(['Generating', 'Auditing', 'Revising', 'Auditing', 'Completed'])
    for (const { announced, read } of compared) expect(announced).toEqual(read)
    expect(snapshots.at(-1)).toMatchObject({ reviewFeedbackCount: 1, reviewFeedback: [{ reviewerName: 'Robin', comment: 'Warmer, please.' }] })
    expect(snapshots.at(-1)!.artifacts.map(artifact => artifact.type)).toEqual(['Copy', 'ShortCopy', 'Visual'])
    // The take with the current versions and latest audit 1, three versions 3, Auditing 1, audit
    // and its statuses 1, Revising 1, the revised copy 1, Auditing 1, audit 1, Completed 1.
    expect(runStatements).toBe(11)
  })
})
