import * as signalR from '@microsoft/signalr'
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack'
import { tokenFor } from './test-server'

export type TransportName = 'WebSockets' | 'ServerSentEvents' | 'LongPolling'
export type ProtocolName = 'json' | 'messagepack'

/** Every transport × protocol pair the official clients can use (MessagePack needs binary, which SSE lacks). */
export const TRANSPORT_MATRIX: Array<{ transport: TransportName, protocol: ProtocolName }> = [
  { transport: 'WebSockets', protocol: 'json' },
  { transport: 'WebSockets', protocol: 'messagepack' },
  { transport: 'ServerSentEvents', protocol: 'json' },
  { transport: 'LongPolling', protocol: 'json' },
  { transport: 'LongPolling', protocol: 'messagepack' },
]

export interface ClientOptions {
  transport?: TransportName
  protocol?: ProtocolName
  user?: string
  token?: string | null
  skipNegotiation?: boolean
  statefulReconnect?: boolean
  automaticReconnect?: number[]
  serverTimeoutMs?: number
  keepAliveMs?: number
}

/** An official @microsoft/signalr client, configured the way the seed's samples configure it. */
export function buildClient(hubUrl: string, options: ClientOptions = {}): signalR.HubConnection {
  const token = options.token === undefined ? tokenFor(options.user ?? 'alice') : options.token
  let builder = new signalR.HubConnectionBuilder()
    .withUrl(hubUrl, {
      transport: signalR.HttpTransportType[options.transport ?? 'WebSockets'],
      skipNegotiation: options.skipNegotiation ?? false,
      ...(token !== null && { accessTokenFactory: () => token }),
    })
    .configureLogging(signalR.LogLevel.None)
  if (options.protocol === 'messagepack') builder = builder.withHubProtocol(new MessagePackHubProtocol())
  if (options.statefulReconnect) builder = builder.withStatefulReconnect()
  if (options.automaticReconnect) builder = builder.withAutomaticReconnect(options.automaticReconnect)
  if (options.serverTimeoutMs) builder = builder.withServerTimeout(options.serverTimeoutMs)
  if (options.keepAliveMs) builder = builder.withKeepAliveInterval(options.keepAliveMs)
  return builder.build()
}

/** Resolves with the next call of `method` on the client. */
export function nextEvent<T extends unknown[]>(connection: signalR.HubConnection, method: string): Promise<T> {
  return new Promise((resolve) => {
    const handler = (...args: unknown[]) => {
      connection.off(method, handler)
      resolve(args as T)
    }
    connection.on(method, handler)
  })
}
