import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { registerUser, type ApiClient } from '../../support/api-client'
import type { RunningApp } from '../../support/app-server'
import { connectCampaignHub, SAMPLE_BRIEF } from '../../support/campaign-hub'
import { createCampaign, versionsOf, waitForCampaign } from '../../support/campaigns'
import { clusterEnv, executionsOf, executorOf, linesAbout, startInstances } from '../../support/cluster'
import { deleteRedisKeys, redisSkipReason, TEST_REDIS_URL, uniqueRedisPrefix } from '../../support/redis'
import { createReviewLink } from '../../support/review-hub'
import { databaseDrivers, type TestDatabase } from '../../support/test-databases'

const postgres = (await databaseDrivers()).find(driver => driver.name === 'postgres')!
const redisSkip = await redisSkipReason()

/** Slow enough that the run is mid-way when its executor is paused; a short lease so the takeover comes soon. */
const SLOW_RUNS = { OFFLINE_WRITER_PACE_MS: '40', RUN_LEASE_SECONDS: '6' }
/** In sequence, so the pause lands after one artifact is stored and before the others are. */
const SEQUENTIAL_BRIEF = { ...SAMPLE_BRIEF, executionMode: 'sequential' }
/** A takeover waits for the lease to run out, then for the queue's check and a free slot. */
const TAKEOVER_MS = 60_000

/** Pauses the process as a long GC stall or a frozen VM would: it holds its connections and does nothing. */
function pause(app: RunningApp): void {
  app.process.kill('SIGSTOP')
}

function resume(app: RunningApp): void {
  app.process.kill('SIGCONT')
}

async function artifactsOf(client: ApiClient, id: string): Promise<Array<{ id: string, type: string, content: string }>> {
  for (;;) {
    const artifacts = (await client.get(`/api/campaigns/${id}/artifacts`)).body.artifacts
    if (artifacts.length > 0) return artifacts
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

/** The campaign's log lines on `app`, once they hold `text`. */
async function logAbout(app: RunningApp, campaignId: string, text: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const lines = linesAbout(app, campaignId)
    if (lines.includes(text)) return lines
    if (Date.now() > deadline) throw new Error(`No log line about ${campaignId} held ${JSON.stringify(text)}:\n${lines}`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

/**
 * An executor paused past its lease (SIGSTOP) while another instance takes the run over: once it
 * resumes, nothing it writes lands, because every write of a run is fenced by the epoch its executor took.
 */
describe.skipIf(postgres.skipReason ?? redisSkip)('an executor that lost its run', () => {
  const prefix = uniqueRedisPrefix()
  let database: TestDatabase
  let apps: RunningApp[] = []
  beforeEach(async () => {
    database = await postgres.create()
  })
  afterEach(async () => {
    for (const app of apps) resume(app)
    await Promise.all(apps.map(app => app.stop()))
    apps = []
    await database?.dispose()
    await deleteRedisKeys(prefix)
  })

  it('writes nothing after resuming: the new executor\'s state, artifacts and single completion stand', async () => {
    apps = await startInstances(2, clusterEnv(database.url!, { ...SLOW_RUNS, REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix }))
    const owner = await registerUser(apps[0]!.url)
    const id = await createCampaign(owner.client, SEQUENTIAL_BRIEF)
    expect((await owner.client.post(`/api/campaigns/${id}/generate`)).status).toBe(202)
    const stale = await executorOf(apps, id)
    const survivor = apps.find(app => app !== stale)!
    const client = owner.client.movedTo(survivor.url)
    const watcher = await connectCampaignHub(survivor.url, client)
    await watcher.connection.invoke('JoinCampaignGroup', id)
    await watcher.connection.invoke('WatchCampaign', id)
    const writtenBefore = await artifactsOf(client, id)
    expect(writtenBefore.length).toBeLessThan(3)

    pause(stale)
    // Resumed while the new executor works: the queue's job is active again, under the same id.
    await executorOf([survivor], id, TAKEOVER_MS)
    resume(stale)
    const finished = await waitForCampaign(client, id, undefined, TAKEOVER_MS)
    expect(finished).toMatchObject({ status: 'Completed', stage: null, statusReason: null })
    const finishedArtifacts = await artifactsOf(client, id)
    expect(finishedArtifacts).toHaveLength(3)
    expect(executionsOf(survivor, id)).toBe(1)
    await watcher.log.waitFor(event => event.name === 'OnCampaignCompleted', 'the completion')
    const staleLog = await logAbout(stale, id, '"outcome":"interrupted"')
    expect(staleLog).toMatch(/lease lost|write refused/)
    // A marker sent through the backplane by the resumed instance: the watcher hears it after
    // anything that instance published before it.
    const link = await createReviewLink(owner.client.movedTo(stale.url), id)
    const feedback = await owner.client.movedTo(stale.url).post(`/api/review/${link.token}/feedback`, { reviewerName: 'Marker', decision: 'approve' })
    expect(feedback.status).toBe(201)
    await watcher.log.waitFor(event => event.name === 'OnReviewFeedbackReceived', 'the marker')

    const after = (await client.get(`/api/campaigns/${id}`)).body
    expect(after).toMatchObject({ status: 'Completed', stage: null, statusReason: null, updatedAt: finished.updatedAt })
    expect(await artifactsOf(client, id)).toEqual(finishedArtifacts)
    for (const artifact of finishedArtifacts) {
      const versions = await versionsOf(client, id, artifact.id)
      expect(versions.map(version => version.id), `versions of ${artifact.type}`).toEqual([artifact.id])
    }
    // What was stored before the pause is kept, as written.
    for (const artifact of writtenBefore) expect(finishedArtifacts.find(current => current.id === artifact.id)?.content).toBe(artifact.content)
    expect(watcher.log.named('OnCampaignCompleted')).toHaveLength(1)
    expect(watcher.log.named('OnGenerationFailed')).toHaveLength(0)
    await watcher.connection.stop()
  }, 180_000)
})
