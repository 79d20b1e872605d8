import type { HubConnection, IRetryPolicy } from '@microsoft/signalr'
import { CampaignHubMethods as Methods, invokeCampaignHub } from '#shared/campaign/hub-contract'
import type { HubTokenResponse } from '#shared/types/account'
import { useCampaignStore } from '~/stores/campaigns'
import { bindCampaignStore } from './bindCampaignStore'

export type HubConnectionState = 'Disconnected' | 'Connecting' | 'Connected' | 'Reconnecting'

/** The seed's schedule: 0, 2, 4, 8, 16 s, then every 30 s for as long as it takes. */
export function reconnectDelayMs(previousRetryCount: number): number {
  if (previousRetryCount === 0) return 0
  if (previousRetryCount < 5) return 2 ** previousRetryCount * 1000
  return 30_000
}

const RETRY_POLICY: IRetryPolicy = { nextRetryDelayInMilliseconds: ({ previousRetryCount }) => reconnectDelayMs(previousRetryCount) }
/** A hub token is fetched again when it has less than this left, so every (re)connect authenticates. */
const TOKEN_REFRESH_MARGIN_MS = 60_000
/** Navigating from one page to the next releases and re-acquires the hub: keep it open across that gap. */
const STOP_GRACE_MS = 1_500

// One connection per browser tab, shared by every component: this state lives at module level and is
// only ever changed in the browser. A page that shows it connects as it mounts, so the server renders
// 'Connecting' rather than claiming a lost connection.
const state = shallowRef<HubConnectionState>('Connecting')
const groups = new Map<string, number>()
let connection: HubConnection | null = null
let users = 0
let stopTimer: ReturnType<typeof setTimeout> | undefined
let token: { accessToken: string, expiresAtMs: number, url: string } | null = null
let handlers: { store: ReturnType<typeof useCampaignStore>, notify: (message: string) => void } | null = null

async function hubToken(): Promise<NonNullable<typeof token>> {
  if (!token || token.expiresAtMs - Date.now() < TOKEN_REFRESH_MARGIN_MS) {
    const issued = await $fetch<HubTokenResponse>('/api/hub/token', { method: 'POST' })
    token = { accessToken: issued.accessToken, expiresAtMs: Date.parse(issued.expiresAt), url: issued.url }
  }
  return token
}

export type CampaignHubConnection = HubConnection

/**
 * A hub connection with the dashboard's settings (seed reconnect schedule, stateful reconnect),
 * authenticated by `accessTokenFactory`. The tab's shared connection is one; a page that follows a
 * campaign with a token of its own (a review link's) builds another.
 */
export async function buildCampaignHubConnection(url: string, accessTokenFactory: () => Promise<string>): Promise<CampaignHubConnection> {
  const signalR = await import('@microsoft/signalr')
  return new signalR.HubConnectionBuilder()
    .withUrl(url, { accessTokenFactory })
    .withAutomaticReconnect(RETRY_POLICY)
    .withStatefulReconnect()
    .configureLogging(signalR.LogLevel.None)
    .build()
}

async function buildConnection(): Promise<HubConnection> {
  const { url } = await hubToken()
  const built = await buildCampaignHubConnection(url, async () => (await hubToken()).accessToken)

  const { store, notify } = handlers!
  bindCampaignStore(built, store, failure => notify(`Generation failed: ${failure.errorMessage}`))

  built.onreconnecting(() => {
    state.value = 'Reconnecting'
  })
  built.onreconnected(() => {
    state.value = 'Connected'
    // Chunks sent while we were away are gone; the snapshot each group now sends is authoritative.
    void watchOwnCampaigns(built)
    for (const campaignId of groups.keys()) {
      store.dropStreams(campaignId)
      void joinGroup(built, campaignId)
    }
  })
  built.onclose(() => {
    if (connection !== built) return
    state.value = 'Disconnected'
    connection = null
    // Automatic reconnection gave up or the server refused us: start afresh while pages still need the hub.
    if (users > 0) void connect(1)
  })
  return built
}

/** Every campaign of the user, live in any list or page of the tab: their snapshots and reviewer posts. */
async function watchOwnCampaigns(hub: HubConnection): Promise<void> {
  try {
    await invokeCampaignHub(hub, Methods.WatchCampaigns)
  }
  catch (error) {
    if (hub.state === 'Connected') handlers?.notify(hubErrorMessage(error, 'Live updates of your campaigns are unavailable.'))
  }
}

async function joinGroup(hub: HubConnection, campaignId: string): Promise<void> {
  try {
    await invokeCampaignHub(hub, Methods.JoinCampaignGroup, campaignId)
    await invokeCampaignHub(hub, Methods.RequestCampaignStatus, campaignId)
  }
  catch (error) {
    if (hub.state === 'Connected') handlers?.notify(hubErrorMessage(error, 'Live updates for this campaign are unavailable.'))
  }
}

/** Set while a connection is being built and started, so components mounting together share it. */
let opening = false

async function connect(attempt = 0): Promise<void> {
  if (connection || opening || users === 0) return
  opening = true
  state.value = attempt === 0 ? 'Connecting' : 'Reconnecting'
  try {
    const built = await buildConnection()
    if (users === 0) return
    connection = built
    await built.start()
    state.value = 'Connected'
    void watchOwnCampaigns(built)
    for (const campaignId of groups.keys()) void joinGroup(built, campaignId)
  }
  catch {
    connection = null
    if (users === 0) return
    state.value = 'Reconnecting'
    // The first start failed (the server is down or restarting): keep trying on the same schedule.
    setTimeout(() => void connect(attempt + 1), reconnectDelayMs(attempt + 1))
  }
  finally {
    opening = false
  }
}

async function disconnect(): Promise<void> {
  const closing = connection
  connection = null
  state.value = 'Disconnected'
  if (!closing) return
  try {
    if (closing.state === 'Connected') await Promise.all([...groups.keys()].map(id => invokeCampaignHub(closing, Methods.LeaveCampaignGroup, id)))
  }
  catch { /* the connection is going away anyway */ }
  await closing.stop().catch(() => {})
}

/** The store whose stream gaps this tab answers, and how to stop listening to it. */
let gapWatch: { store: ReturnType<typeof useCampaignStore>, stop: () => void } | undefined

/** Streamed text with a hole in it was dropped: the campaign's snapshot says where the run stands. */
function requestSnapshotsOnGaps(store: ReturnType<typeof useCampaignStore>): void {
  if (gapWatch?.store === store) return
  gapWatch?.stop()
  const stop = store.onStreamGap((campaignId) => {
    if (connection?.state === 'Connected') invokeCampaignHub(connection, Methods.RequestCampaignStatus, campaignId).catch(() => {})
  })
  gapWatch = { store, stop }
}

function acquire(store: ReturnType<typeof useCampaignStore>, notify: (message: string) => void): void {
  handlers = { store, notify }
  requestSnapshotsOnGaps(store)
  users++
  clearTimeout(stopTimer)
  void connect()
}

function release(): void {
  users = Math.max(0, users - 1)
  if (users > 0) return
  stopTimer = setTimeout(() => {
    if (users === 0) void disconnect()
  }, STOP_GRACE_MS)
}

function follow(campaignId: string): void {
  const count = groups.get(campaignId) ?? 0
  groups.set(campaignId, count + 1)
  if (count === 0 && connection?.state === 'Connected') void joinGroup(connection, campaignId)
}

function unfollow(campaignId: string): void {
  const count = (groups.get(campaignId) ?? 1) - 1
  if (count > 0) {
    groups.set(campaignId, count)
    return
  }
  groups.delete(campaignId)
  if (connection?.state === 'Connected') invokeCampaignHub(connection, Methods.LeaveCampaignGroup, campaignId).catch(() => {})
}

/** A hub error's message for people: the server's own text when it sent one. */
function hubErrorMessage(error: unknown, fallback: string): string {
  const message = error instanceof Error ? error.message : ''
  const serverText = /HubException: (.*)$/.exec(message)?.[1]
  return serverText ? `${fallback} ${serverText}` : fallback
}

if (import.meta.client) {
  // Leaving the page (closing the tab, following a link elsewhere) ends the connection at once.
  window.addEventListener('pagehide', () => void disconnect())
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && users > 0) void connect()
  })
}

/**
 * The campaign hub for a component: the tab's one shared connection, opened while any component
 * uses it. `campaignId` (a value or a getter) joins that campaign's group for as long as the
 * component lives, by reference count. Without one, the component still receives the snapshot of
 * every campaign its user owns (the connection watches them all: how the list stays live).
 */
export function useCampaignHub(campaignId?: MaybeRefOrGetter<string | undefined>) {
  if (import.meta.client) {
    const store = useCampaignStore()
    const { show } = useToasts()
    const notify = (message: string) => show(message, 'error')
    let followed: string | undefined
    const followCurrent = () => {
      const next = toValue(campaignId)
      if (next === followed) return
      if (followed) unfollow(followed)
      followed = next
      if (next) follow(next)
    }
    onMounted(() => {
      acquire(store, notify)
      followCurrent()
    })
    const stopWatching = watch(() => toValue(campaignId), () => {
      if (users > 0) followCurrent()
    })
    onBeforeUnmount(() => {
      stopWatching()
      if (followed) unfollow(followed)
      followed = undefined
      release()
    })
  }
  return { state: readonly(state) }
}
