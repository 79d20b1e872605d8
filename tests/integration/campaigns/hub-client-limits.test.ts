import * as signalR from '@microsoft/signalr'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerUser, type RegisteredUser } from '../../support/api-client'
import { connectCampaignHub } from '../../support/campaign-hub'
import { createCampaign, startCampaignApp } from '../../support/campaigns'
import { createReviewLink, negotiateStatus, reviewHubToken } from '../../support/review-hub'
import { RawSocket } from '../../support/signalr/raw-socket'
import type { RunningApp } from '../../support/app-server'

const CALLS_PER_MINUTE = 40
const CONNECTIONS_PER_PRINCIPAL = 3
const CONNECTS_PER_MINUTE = 6

/** A hub connection as a reviewer with nothing but a review link, as an attacker would hold one. */
async function connectAsReviewer(baseUrl: string, accessToken: string) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}/hubs/campaign`, { transport: signalR.HttpTransportType.WebSockets, accessTokenFactory: () => accessToken })
    .configureLogging(signalR.LogLevel.None)
    .build()
  let statusEvents = 0
  connection.on('OnCampaignStatusReceived', () => {
    statusEvents++
  })
  await connection.start()
  return { connection, statusEvents: () => statusEvents }
}

describe('what one hub client may ask of the server', () => {
  let app: RunningApp
  let owner: RegisteredUser
  let campaignId: string
  beforeAll(async () => {
    app = await startCampaignApp({
      HUB_INVOCATIONS_PER_MINUTE: String(CALLS_PER_MINUTE),
      HUB_CONNECTIONS_PER_PRINCIPAL: String(CONNECTIONS_PER_PRINCIPAL),
      HUB_CONNECTS_PER_MINUTE: String(CONNECTS_PER_MINUTE),
    })
    owner = await registerUser(app.url)
    campaignId = await createCampaign(owner.client)
  })
  afterAll(() => app?.stop())

  it('a burst of 4,000 calls from a review link neither freezes the server nor runs past the call budget', async () => {
    const link = await createReviewLink(owner.client, campaignId)
    const reviewer = await connectAsReviewer(app.url, await reviewHubToken(owner.client.anonymous(), link.token))
    const order: string[] = []
    const calls = Array.from({ length: 4_000 }, () =>
      reviewer.connection.invoke('RequestCampaignStatus', campaignId).then(() => 'ok', (error: Error) => error.message))
    const health = fetch(`${app.url}/health`).then((response) => {
      order.push(`health ${response.status}`)
    })
    const outcomes = await Promise.all(calls)
    order.push('burst settled')
    await health

    expect(order).toEqual(['health 200', 'burst settled'])
    expect(outcomes.filter(outcome => outcome === 'ok')).toHaveLength(CALLS_PER_MINUTE)
    expect(reviewer.statusEvents()).toBe(CALLS_PER_MINUTE)
    const refusal = /^An unexpected error occurred invoking 'RequestCampaignStatus' on the server\. HubException: Too many hub calls: at most 40 a minute\. Try again in \d+ s\.$/
    expect(outcomes.filter(outcome => outcome !== 'ok' && !refusal.test(outcome))).toEqual([])
    // The budget belongs to the link, not to one connection of it.
    expect(reviewer.connection.state).toBe(signalR.HubConnectionState.Connected)
    await reviewer.connection.stop()
  })

  it('caps the connections one user has open, and frees a place when one closes', async () => {
    const user = await registerUser(app.url)
    const open = []
    for (let i = 0; i < CONNECTIONS_PER_PRINCIPAL; i++) open.push(await connectCampaignHub(app.url, user.client))
    await expect(connectCampaignHub(app.url, user.client)).rejects.toThrow(/429/)
    const token = (await user.client.post('/api/hub/token')).body.accessToken
    expect((await RawSocket.upgradeStatus(`${app.url}/hubs/campaign`, { token })).status).toBe(429)

    await open.pop()!.connection.stop()
    open.push(await connectCampaignHub(app.url, user.client))
    // Another user is not affected by this one's connections.
    const other = await connectCampaignHub(app.url, (await registerUser(app.url)).client)
    for (const { connection } of [...open, other]) await connection.stop()
  })

  it('limits how many connections one user starts a minute, closed ones included', async () => {
    const user = await registerUser(app.url)
    const token = (await user.client.post('/api/hub/token')).body.accessToken
    for (let i = 0; i < CONNECTS_PER_MINUTE; i++) {
      const { connection } = await connectCampaignHub(app.url, user.client)
      await connection.stop()
    }
    const refused = await fetch(`${app.url}/hubs/campaign/negotiate?negotiateVersion=1`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(await refused.text()).toMatch(/^Too many hub connections started: at most 6 a minute\. Try again in \d+ s\.$/)
    // Other users still connect.
    expect(await negotiateStatus(app.url, (await (await registerUser(app.url)).client.post('/api/hub/token')).body.accessToken)).toBe(200)
  })
})
