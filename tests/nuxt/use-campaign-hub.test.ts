import { mountSuspended, registerEndpoint } from '@nuxt/test-utils/runtime'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { useCampaignHub, reconnectDelayMs } from '~/composables/useCampaignHub'
import { useReviewHub } from '~/composables/useReviewHub'
import { useCampaignStore } from '~/stores/campaigns'
import { artifact, at, CAMPAIGN_ID, snapshot } from './fixtures'

/** A stand-in for @microsoft/signalr's HubConnection: records invocations, lets the test fire events and lifecycle callbacks. */
class FakeConnection {
  static instances: FakeConnection[] = []
  state = 'Disconnected'
  invocations: Array<[string, ...unknown[]]> = []
  handlers = new Map<string, (...args: unknown[]) => void>()
  reconnecting?: () => void
  reconnected?: () => void
  closed?: () => void
  constructor(readonly options: { url: string, accessTokenFactory: () => Promise<string> }) {
    FakeConnection.instances.push(this)
  }

  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, handler)
  }

  onreconnecting(callback: () => void) {
    this.reconnecting = callback
  }

  onreconnected(callback: () => void) {
    this.reconnected = callback
  }

  onclose(callback: () => void) {
    this.closed = callback
  }

  async start() {
    this.state = 'Connected'
  }

  async stop() {
    this.state = 'Disconnected'
  }

  async invoke(method: string, ...args: unknown[]) {
    this.invocations.push([method, ...args])
    if (method === 'RequestCampaignStatus') this.emit('OnCampaignStatusReceived', snapshot(30, { status: 'Completed', stage: null, artifacts: [artifact('Copy', 2)] }))
  }

  emit(event: string, payload: unknown) {
    this.handlers.get(event)?.(payload)
  }
}

const builderCalls: string[] = []
vi.mock('@microsoft/signalr', () => ({
  LogLevel: { None: 6 },
  HubConnectionBuilder: class {
    private options!: FakeConnection['options']
    withUrl(url: string, options: { accessTokenFactory: () => Promise<string> }) {
      this.options = { url, ...options }
      return this
    }

    withAutomaticReconnect(policy: { nextRetryDelayInMilliseconds: (context: { previousRetryCount: number }) => number }) {
      builderCalls.push(`reconnect:${[0, 1, 2, 3, 4, 5, 50].map(previousRetryCount => policy.nextRetryDelayInMilliseconds({ previousRetryCount })).join(',')}`)
      return this
    }

    withStatefulReconnect() {
      builderCalls.push('stateful')
      return this
    }

    configureLogging() {
      return this
    }

    build() {
      return new FakeConnection(this.options)
    }
  },
}))

let tokensIssued = 0
registerEndpoint('/api/hub/token', {
  method: 'POST',
  handler: () => ({ accessToken: `token-${++tokensIssued}`, expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(), url: 'http://localhost/hubs/campaign' }),
})

registerEndpoint('/api/review/map_rvw_test/hub-token', {
  method: 'POST',
  handler: () => ({ accessToken: 'review-token', expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(), url: 'http://localhost/hubs/campaign' }),
})

const Reviewer = defineComponent({
  props: { campaignId: { type: String, required: true } },
  setup(props) {
    const { live } = useReviewHub('map_rvw_test', props.campaignId)
    return () => h('p', { role: 'status' }, live.value ? 'live' : 'not live')
  },
})

const Follower = defineComponent({
  props: { campaignId: { type: String, default: undefined } },
  setup(props) {
    const { state } = useCampaignHub(() => props.campaignId)
    return () => h('p', { role: 'status' }, state.value)
  },
})

const connected = async () => {
  await vi.waitFor(() => expect(FakeConnection.instances.at(-1)?.state).toBe('Connected'))
  await nextTick()
  return FakeConnection.instances.at(-1)!
}
const calls = (connection: FakeConnection, method: string) => connection.invocations.filter(([name]) => name === method).map(([, id]) => id)

describe('useCampaignHub', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('uses the seed reconnect schedule, indefinitely', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 100].map(reconnectDelayMs)).toEqual([0, 2000, 4000, 8000, 16000, 30000, 30000, 30000])
  })

  it('shares one connection, joins a group once however many components follow it, and leaves when the last one goes', async () => {
    const first = await mountSuspended(Follower, { props: { campaignId: CAMPAIGN_ID } })
    const second = await mountSuspended(Follower, { props: { campaignId: CAMPAIGN_ID } })
    const connection = await connected()
    expect(FakeConnection.instances).toHaveLength(1)
    expect(builderCalls).toContain('stateful')
    expect(builderCalls).toContain('reconnect:0,2000,4000,8000,16000,30000,30000')
    expect(await connection.options.accessTokenFactory()).toMatch(/^token-/)
    await vi.waitFor(() => expect(calls(connection, 'JoinCampaignGroup')).toEqual([CAMPAIGN_ID]))
    // The tab watches every campaign of its user once, whatever the pages follow.
    expect(calls(connection, 'WatchCampaigns')).toHaveLength(1)
    expect(first.text()).toBe('Connected')

    first.unmount()
    expect(calls(connection, 'LeaveCampaignGroup')).toEqual([])
    second.unmount()
    await vi.waitFor(() => expect(calls(connection, 'LeaveCampaignGroup')).toEqual([CAMPAIGN_ID]))
    // The connection itself closes shortly after the last user leaves (a page change keeps it).
    await vi.waitFor(() => expect(connection.state).toBe('Disconnected'), { timeout: 3000 })
  })

  it('shows Reconnecting…, then rejoins every group and takes the snapshot as the truth', async () => {
    const store = useCampaignStore()
    store.applySnapshot(snapshot(1))
    store.applyChunk({ campaignId: CAMPAIGN_ID, artifactType: 'Copy', chunk: 'half', isComplete: false, sequence: 0 })
    const page = await mountSuspended(Follower, { props: { campaignId: CAMPAIGN_ID } })
    const connection = await connected()
    await vi.waitFor(() => expect(calls(connection, 'RequestCampaignStatus')).toHaveLength(1))

    connection.state = 'Reconnecting'
    connection.reconnecting!()
    await nextTick()
    expect(page.text()).toBe('Reconnecting')

    connection.state = 'Connected'
    connection.reconnected!()
    await vi.waitFor(() => expect(calls(connection, 'RequestCampaignStatus')).toHaveLength(2))
    expect(calls(connection, 'JoinCampaignGroup')).toEqual([CAMPAIGN_ID, CAMPAIGN_ID])
    // A reconnect may be a new connection on the server: the watch is renewed too.
    expect(calls(connection, 'WatchCampaigns')).toHaveLength(2)
    expect(store.campaigns[CAMPAIGN_ID]).toMatchObject({ status: 'Completed', updatedAt: at(30) })
    expect(store.streams[CAMPAIGN_ID]).toBeUndefined()
    expect(store.currentArtifacts(CAMPAIGN_ID).Copy?.id).toBe('art_Copy_2')
    page.unmount()
  })

  it('delivers every hub event to the store', async () => {
    const store = useCampaignStore()
    const page = await mountSuspended(Follower, { props: { campaignId: 'camp_events' } })
    const connection = await connected()
    connection.emit('OnCampaignStatusReceived', { ...snapshot(40), campaignId: 'camp_events' })
    expect(store.campaigns.camp_events?.updatedAt).toBe(at(40))
    connection.emit('OnCampaignUpdated', { ...snapshot(45), campaignId: 'camp_events' })
    expect(store.campaigns.camp_events?.updatedAt).toBe(at(45))
    const feedback = { id: 'fb_1', reviewerName: 'Rae', decision: 'approve', comment: 'Good to go.', createdAt: at(46) }
    connection.emit('OnReviewFeedbackReceived', { campaignId: 'camp_events', feedback, totalCount: 1 })
    expect(store.campaigns.camp_events?.reviewFeedback).toEqual([feedback])
    connection.emit('OnChunkReceived', { campaignId: 'camp_events', artifactType: 'Visual', chunk: 'A bold', isComplete: false, sequence: 0 })
    expect(store.streams.camp_events?.Visual?.text).toBe('A bold')
    connection.emit('OnArtifactGenerated', { ...artifact('Visual', 1), campaignId: 'camp_events' })
    expect(store.currentArtifacts('camp_events').Visual?.content).toBe('Visual version 1')
    connection.emit('OnGenerationFailed', { campaignId: 'camp_events', errorMessage: 'Copy: out of tokens', failedAt: at(50) })
    expect(store.campaigns.camp_events).toMatchObject({ status: 'Failed', statusReason: 'Copy: out of tokens' })
    page.unmount()
  })

  it('asks for the snapshot of a campaign whose streamed text lost a chunk', async () => {
    const store = useCampaignStore()
    store.applySnapshot({ ...snapshot(60), campaignId: 'camp_gap' })
    const page = await mountSuspended(Follower, { props: { campaignId: 'camp_gap' } })
    const connection = await connected()
    await vi.waitFor(() => expect(calls(connection, 'RequestCampaignStatus')).toContain('camp_gap'))
    const before = calls(connection, 'RequestCampaignStatus').length
    const chunk = (text: string, sequence: number) => ({ campaignId: 'camp_gap', artifactType: 'Copy', chunk: text, isComplete: false, sequence })
    connection.emit('OnChunkReceived', chunk('One ', 0))
    connection.emit('OnChunkReceived', chunk('One ', 0))
    expect(calls(connection, 'RequestCampaignStatus')).toHaveLength(before)
    connection.emit('OnChunkReceived', chunk('three', 2))
    await vi.waitFor(() => expect(calls(connection, 'RequestCampaignStatus')).toHaveLength(before + 1))
    expect(calls(connection, 'RequestCampaignStatus').at(-1)).toBe('camp_gap')
    page.unmount()
  })
})

describe('useReviewHub', () => {
  it('feeds the same store through the same binding as the owner\'s pages, watching its one campaign', async () => {
    const store = useCampaignStore()
    store.applySnapshot({ ...snapshot(70), campaignId: 'camp_review', theme: 'Spring trail launch' })
    const earlier = FakeConnection.instances.length
    const page = await mountSuspended(Reviewer, { props: { campaignId: 'camp_review' } })
    await vi.waitFor(() => expect(FakeConnection.instances.length).toBeGreaterThan(earlier))
    const connection = await connected()
    expect(await connection.options.accessTokenFactory()).toBe('review-token')
    await vi.waitFor(() => expect(page.text()).toBe('live'))
    expect(connection.invocations.map(([method]) => method)).toEqual(['JoinCampaignGroup', 'WatchCampaign', 'RequestCampaignStatus'])

    connection.emit('OnArtifactGenerated', { ...artifact('Visual', 1), campaignId: 'camp_review' })
    expect(store.currentArtifacts('camp_review').Visual?.content).toBe('Visual version 1')
    connection.emit('OnCampaignUpdated', { ...snapshot(80), campaignId: 'camp_review', stage: 'Auditing' })
    expect(store.campaigns.camp_review).toMatchObject({ stage: 'Auditing', theme: 'Spring trail launch' })
    page.unmount()
  })
})
