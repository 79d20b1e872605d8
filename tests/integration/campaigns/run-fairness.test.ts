import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerUser, type RegisteredUser } from '../../support/api-client'
import { createDataDir, type RunningApp } from '../../support/app-server'
import { connectCampaignHub, type EventLog } from '../../support/campaign-hub'
import { createCampaign, expectProblem, startCampaignApp, waitForCampaign, type CampaignDetail } from '../../support/campaigns'

const createCampaigns = (user: RegisteredUser, count: number) => Promise.all(Array.from({ length: count }, () => createCampaign(user.client)))

const generate = (user: RegisteredUser, id: string) => user.client.post(`/api/campaigns/${id}/generate`)

/** Has the run taken its slot? Anything past Queued, settled runs included. */
const hasStarted = (detail: CampaignDetail) => detail.stage !== 'Queued'

/** When the run took its slot: the server's time on the campaign's first Generating snapshot. */
function startedAt(log: EventLog, id: string): number | undefined {
  const snapshot = log.events.find(event => event.name === 'OnCampaignUpdated' && event.args[0]?.campaignId === id && event.args[0]?.stage === 'Generating')
  return snapshot && Date.parse(snapshot.args[0].updatedAt)
}

/**
 * One slot for runs, and a writer slow enough that a run lasts seconds: one user's long line of runs
 * must not keep another user's run waiting behind all of it, nor grow past the per-user limit.
 */
describe('campaign runs shared between users', () => {
  let app: RunningApp
  let ann: RegisteredUser
  let bob: RegisteredUser
  beforeAll(async () => {
    app = await startCampaignApp({ CAMPAIGN_RUN_CONCURRENCY: '1', OFFLINE_WRITER_PACE_MS: '30', MAX_QUEUED_RUNS_PER_USER: '10' })
    ;[ann, bob] = await Promise.all([registerUser(app.url), registerUser(app.url)])
  })
  afterAll(() => app?.stop())

  it('refuses a user\'s 11th run with 429, starts another user\'s run at the next free slot, and frees a place on cancel', async () => {
    const annIds = await createCampaigns(ann, 11)
    const [bobId] = await createCampaigns(bob, 1)
    const annHub = await connectCampaignHub(app.url, ann.client)
    const bobHub = await connectCampaignHub(app.url, bob.client)
    await Promise.all([annHub.connection.invoke('WatchCampaigns'), bobHub.connection.invoke('WatchCampaigns')])

    for (const id of annIds.slice(0, 8)) expect((await generate(ann, id)).status).toBe(202)
    // Three requests racing for the last two places: two get them, the third is refused.
    const racing = annIds.slice(8)
    const raced = await Promise.all(racing.map(id => generate(ann, id)))
    expect(raced.map(response => response.status).sort()).toEqual([202, 202, 429])
    const accepted = [...annIds.slice(0, 8), ...racing.filter((_, n) => raced[n]!.status === 202)]
    const eleventh = racing.find((_, n) => raced[n]!.status === 429)!
    for (const refused of [raced.find(response => response.status === 429)!, await ann.client.post(`/api/campaigns/${eleventh}/artifacts/Copy/regenerate`, { feedback: 'Shorter' })]) {
      expectProblem(refused, 429)
      expect(refused.body.type).toBe('/problems/too-many-runs')
      expect(refused.body.detail).toMatch(/You have 10 campaign runs queued or running.*wait for one to finish/)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    }
    // Refused before anything was written: the campaign is as it was, not half in a run.
    expect((await ann.client.get(`/api/campaigns/${eleventh}`)).body).toMatchObject({ status: 'Created', stage: null })

    // Ann's limit is Ann's alone.
    expect((await generate(bob, bobId!)).status).toBe(202)
    // No run of Ann's can start now before Bob's: what has started so far is all that starts before it.
    const annStartedWhenBobQueued = (await Promise.all(accepted.map(id => ann.client.get(`/api/campaigns/${id}`))))
      .filter(response => hasStarted(response.body)).length

    // A queued run cancelled gives its place back at once.
    const cancelled = accepted.at(-1)!
    expect((await ann.client.post(`/api/campaigns/${cancelled}/cancel`)).status).toBe(202)
    expect((await generate(ann, eleventh)).status).toBe(202)
    // It ends Cancelled without ever having announced a start.
    await waitForCampaign(ann.client, cancelled, detail => detail.status === 'Cancelled')
    expect(startedAt(annHub.log, cancelled)).toBeUndefined()

    await waitForCampaign(bob.client, bobId!)
    const bobStart = startedAt(bobHub.log, bobId!)!
    expect(bobStart).toBeDefined()
    // Every snapshot of Ann's sent before Bob's run ended has arrived by now.
    const annStartedBeforeBob = accepted.filter(id => (startedAt(annHub.log, id) ?? Infinity) < bobStart)
    expect(annStartedBeforeBob).toEqual(accepted.slice(0, annStartedWhenBobQueued))
    expect(annStartedBeforeBob.length).toBeLessThan(9)
    await Promise.all([annHub.connection.stop(), bobHub.connection.stop()])
  }, 60_000)
})

/** A crash with runs of two users queued: after the restart they resume, and still take turns. */
describe('runs resumed after kill -9', () => {
  const dataDir = createDataDir()
  let app: RunningApp | undefined
  afterAll(async () => {
    await app?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('resumes every run, the one under way first, then each user in turn', async () => {
    app = await startCampaignApp({ DATA_DIR: dataDir, CAMPAIGN_RUN_CONCURRENCY: '1', OFFLINE_WRITER_PACE_MS: '30' })
    const [ann, bob] = await Promise.all([registerUser(app.url), registerUser(app.url)])
    const annIds = await createCampaigns(ann, 3)
    const [bobId] = await createCampaigns(bob, 1)
    for (const id of annIds) expect((await generate(ann, id)).status).toBe(202)
    expect((await generate(bob, bobId!)).status).toBe(202)
    await waitForCampaign(ann.client, annIds[0]!, hasStarted)

    const exited = new Promise(resolve => app!.process.once('exit', resolve))
    app.process.kill('SIGKILL')
    await exited
    app = await startCampaignApp({ DATA_DIR: dataDir, CAMPAIGN_RUN_CONCURRENCY: '1' })

    const ids = [...annIds, bobId!]
    const clients = new Map(ids.map(id => [id, (id === bobId ? bob : ann).client.movedTo(app!.url)]))
    const finished = await Promise.all(ids.map(id => waitForCampaign(clients.get(id)!, id)))
    for (const detail of finished) expect(detail).toMatchObject({ status: 'Completed', completedAt: expect.any(String) })
    // One slot: the order the runs completed in is the order they ran in.
    const order = finished.sort((a, b) => Date.parse(a.completedAt) - Date.parse(b.completedAt)).map(detail => detail.id)
    expect(order).toEqual([annIds[0], bobId, annIds[1], annIds[2]])
    expect(app.output()).toMatch(/Resumed 4 interrupted campaign run/)
  }, 90_000)
})
