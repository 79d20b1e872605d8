import * as signalR from '@microsoft/signalr'
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack'
import { CampaignHubEvents, type CampaignHubEventName } from '#shared/campaign/hub-contract'
import type { ApiClient } from './api-client'
import type { ProtocolName, TransportName } from './signalr/clients'

/** Every server → client event of the campaign hub. */
export const CAMPAIGN_EVENTS = Object.values(CampaignHubEvents)
export type CampaignEventName = CampaignHubEventName

// Payloads are read loosely: a wrong guess fails an assertion rather than the compile.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface RecordedEvent { name: CampaignEventName, args: any[] }

/** Records every campaign event a connection receives, in order. */
export class EventLog {
  readonly events: RecordedEvent[] = []
  private waiters: Array<() => void> = []

  attach(connection: signalR.HubConnection): void {
    for (const name of CAMPAIGN_EVENTS) {
      connection.on(name, (...args: unknown[]) => {
        this.events.push({ name, args })
        for (const wake of this.waiters.splice(0)) wake()
      })
    }
  }

  named(name: CampaignEventName): RecordedEvent[] {
    return this.events.filter(event => event.name === name)
  }

  /** Resolves with the first event (from index `from`) matching `predicate`. */
  async waitFor(predicate: (event: RecordedEvent) => boolean, what: string, timeoutMs = 20_000, from = 0): Promise<RecordedEvent> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = this.events.slice(from).find(predicate)
      if (found) return found
      const remaining = deadline - Date.now()
      if (remaining <= 0) throw new Error(`Timed out waiting for ${what}; saw ${this.events.map(e => e.name).join(', ')}`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining)
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }
}

/** An official client connected to the app's campaign hub with a hub token from `/api/hub/token`. */
export async function connectCampaignHub(baseUrl: string, client: ApiClient, options: HubClientOptions = {}) {
  return openCampaignHub(baseUrl, () => hubTokenFrom(client), options)
}

/** A hub token from `POST /api/hub/token`, minted with the client's session or with `headers` (a personal access token). */
export async function hubTokenFrom(client: ApiClient, headers?: Record<string, string>): Promise<string> {
  const response = await client.post('/api/hub/token', undefined, headers)
  if (response.status !== 200) throw new Error(`Hub token refused: ${response.status}`)
  return response.body.accessToken as string
}

export interface HubClientOptions {
  transport?: TransportName
  protocol?: ProtocolName
}

/**
 * An official client connected to the campaign hub with whatever `accessTokenFactory` gives (a hub
 * token, a personal access token). `closed` resolves with the error the connection ended with.
 */
export async function openCampaignHub(baseUrl: string, accessTokenFactory: () => Promise<string> | string, options: HubClientOptions = {}) {
  let builder = new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}/hubs/campaign`, {
      transport: signalR.HttpTransportType[options.transport ?? 'WebSockets'],
      accessTokenFactory,
    })
    .configureLogging(signalR.LogLevel.None)
  if (options.protocol === 'messagepack') builder = builder.withHubProtocol(new MessagePackHubProtocol())
  const connection = builder.build()
  const log = new EventLog()
  log.attach(connection)
  const closed = new Promise<Error | undefined>(resolve => connection.onclose(resolve))
  await connection.start()
  return { connection, log, closed }
}

/** A brief the offline writer turns into a passing campaign. */
export const SAMPLE_BRIEF = {
  theme: 'Spring trail launch',
  product: 'Ridgeline trail running shoe',
  targetAudience: 'urban runners aged 25 to 40',
  tone: 'energetic',
  constraints: ['Must include free returns'],
  platforms: ['x', 'linkedin', 'instagram'],
}
