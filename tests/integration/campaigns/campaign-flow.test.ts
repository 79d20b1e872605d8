import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerUser, type RegisteredUser } from '../../support/api-client'
import { startApp, type RunningApp } from '../../support/app-server'
import { connectCampaignHub, SAMPLE_BRIEF, type RecordedEvent } from '../../support/campaign-hub'
import type { ProtocolName, TransportName } from '../../support/signalr/clients'

const TRANSPORTS: Array<{ transport: TransportName, protocol: ProtocolName }> = [
  { transport: 'WebSockets', protocol: 'json' },
  { transport: 'WebSockets', protocol: 'messagepack' },
  { transport: 'ServerSentEvents', protocol: 'json' },
  { transport: 'LongPolling', protocol: 'json' },
]

/** The marketer's whole journey over REST and the hub, with the official client. */
describe('a campaign generated live', () => {
  let app: RunningApp
  let owner: RegisteredUser
  beforeAll(async () => {
    app = await startApp({ OFFLINE_WRITER_PACE_MS: '0' })
    owner = await registerUser(app.url)
  })
  afterAll(() => app?.stop())

  it.each(TRANSPORTS)('streams every event in order over $transport with $protocol', async ({ transport, protocol }) => {
    const created = await owner.client.post('/api/campaigns', SAMPLE_BRIEF)
    expect(created.status).toBe(201)
    expect(created.headers.get('location')).toBe(`/api/campaigns/${created.body.id}`)
    const id: string = created.body.id

    const { connection, log } = await connectCampaignHub(app.url, owner.client, { transport, protocol })
    await connection.invoke('JoinCampaignGroup', id)
    await connection.invoke('WatchCampaign', id)
    const accepted = await owner.client.post(`/api/campaigns/${id}/generate`)
    expect(accepted.status).toBe(202)
    expect(accepted.body).toMatchObject({ campaignId: id, status: 'InProgress' })
    expect(Date.parse(accepted.body.estimatedCompletionTime)).toBeGreaterThan(Date.now())

    await log.waitFor(event => event.name === 'OnCampaignUpdated' && event.args[0].status === 'Completed', 'the completed snapshot')
    // Watchers get a snapshot on every change of status or stage; the seed's events tell the story between them.
    const stages = log.named('OnCampaignUpdated').map(event => `${event.args[0].status}/${event.args[0].stage}`)
    expect(stages).toEqual(['InProgress/Queued', 'InProgress/Generating', 'InProgress/Auditing', 'Completed/null'])
    const seedEvents = log.events.filter(event => event.name !== 'OnCampaignUpdated')
    const names = seedEvents.map(event => event.name)
    expect(names[0]).toBe('OnCampaignStarted')
    expect(seedEvents[0]!.args).toEqual([id])
    expect(names.at(-1)).toBe('OnCampaignCompleted')
    expect(log.named('OnCampaignCompleted')[0]!.args).toEqual([id])
    expect(names.indexOf('OnComplianceCheckCompleted')).toBeGreaterThan(names.lastIndexOf('OnArtifactGenerated'))

    for (const type of ['Copy', 'ShortCopy', 'Visual']) {
      const ofType = (event: RecordedEvent) => event.args[0]?.artifactType === type || event.args[0]?.type === type
      const sequence = log.events.filter(ofType)
      const chunks = sequence.filter(event => event.name === 'OnChunkReceived')
      // Text streams in, a final chunk says it is complete, then the artifact arrives.
      expect(chunks.length).toBeGreaterThan(2)
      expect(chunks.slice(0, -1).every(event => event.args[0].isComplete === false)).toBe(true)
      expect(chunks.at(-1)!.args[0]).toMatchObject({ campaignId: id, artifactType: type, isComplete: true })
      // Numbered from 0 within the write, the final chunk included: a client can tell a lost or repeated one.
      expect(chunks.map(event => event.args[0].sequence)).toEqual(chunks.map((_, index) => index))
      expect(sequence.at(-1)!.name).toBe('OnArtifactGenerated')
      const artifact = sequence.at(-1)!.args[0]
      expect(Object.keys(artifact).sort()).toEqual(['agentName', 'campaignId', 'content', 'createdAt', 'id', 'metadata', 'type'])
      expect(artifact).toMatchObject({ campaignId: id, type, metadata: { model: 'offline-writer', iteration: 1 } })
      // What streamed is what was stored.
      expect(chunks.map(event => event.args[0].chunk).join('')).toBe(artifact.content)
    }

    const [audit] = log.named('OnComplianceCheckCompleted')[0]!.args
    expect(audit).toMatchObject({ campaignId: id, isCompliant: true, verdict: 'Pass' })
    expect(audit.complianceScore).toBeGreaterThanOrEqual(85)
    expect(Date.parse(audit.auditedAt)).not.toBeNaN()
    // Every event carries exactly one argument, as the seed's handlers expect.
    expect(log.events.every(event => event.args.length === 1)).toBe(true)

    const before = log.events.length
    await connection.invoke('RequestCampaignStatus', id)
    const snapshot = (await log.waitFor(event => event.name === 'OnCampaignStatusReceived', 'the snapshot', 5_000, before)).args[0]
    expect(snapshot).toMatchObject({ campaignId: id, status: 'Completed', stage: null, compliance: { campaignId: id } })
    expect(snapshot.artifacts.map((artifact: { type: string }) => artifact.type).sort()).toEqual(['Copy', 'ShortCopy', 'Visual'])

    const detail = (await owner.client.get(`/api/campaigns/${id}`)).body
    expect(detail).toMatchObject({ id, status: 'Completed', complianceStatus: 'Pass', brief: { theme: SAMPLE_BRIEF.theme } })
    expect(detail.artifacts).toHaveLength(3)
    expect(detail.completedAt).not.toBeNull()
    await connection.stop()
  })

  it('keeps one user\'s campaigns from another, over REST and the hub', async () => {
    const intruder = await registerUser(app.url)
    const id: string = (await owner.client.post('/api/campaigns', SAMPLE_BRIEF)).body.id
    const { connection, log } = await connectCampaignHub(app.url, intruder.client)

    await expect(connection.invoke('JoinCampaignGroup', id)).rejects.toThrow(`HubException: Campaign '${id}' was not found.`)
    await expect(connection.invoke('RequestCampaignStatus', id)).rejects.toThrow(`HubException: Campaign '${id}' was not found.`)
    // The same words for a campaign that does not exist at all.
    await expect(connection.invoke('JoinCampaignGroup', 'camp_nonexistent')).rejects.toThrow('HubException: Campaign \'camp_nonexistent\' was not found.')

    for (const [method, path] of [['GET', ''], ['POST', '/generate'], ['GET', '/artifacts'], ['GET', '/compliance'], ['DELETE', '']] as const) {
      const response = await intruder.client.request(method, `/api/campaigns/${id}${path}`)
      expect(response.status, `${method} ${path}`).toBe(404)
      expect(response.headers.get('content-type')).toContain('application/problem+json')
    }
    expect((await intruder.client.get('/api/campaigns')).body.totalCount).toBe(0)

    const { connection: ownerConnection, log: ownerLog } = await connectCampaignHub(app.url, owner.client)
    await ownerConnection.invoke('JoinCampaignGroup', id)
    await owner.client.post(`/api/campaigns/${id}/generate`)
    await ownerLog.waitFor(event => event.name === 'OnCampaignCompleted', 'the end of the run')
    // The intruder's own round trip proves any event meant for it would have arrived by now.
    await connection.invoke('LeaveCampaignGroup', id)
    expect(log.events).toEqual([])
    // A completed campaign is revised or regenerated, not generated again; the intruder still learns nothing.
    const again = await owner.client.post(`/api/campaigns/${id}/generate`)
    expect(again.status).toBe(409)
    expect(again.body.detail).toBe('The campaign is already completed: revise it or regenerate an artifact instead.')
    expect((await intruder.client.post(`/api/campaigns/${id}/generate`)).status).toBe(404)
    await Promise.all([connection.stop(), ownerConnection.stop()])
  })
})
