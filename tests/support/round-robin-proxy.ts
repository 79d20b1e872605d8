import { createServer, request as forward, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A load balancer that is not sticky, on loopback: each HTTP request goes to the next upstream in
 * turn, or all of them to one upstream while `pin` holds. Responses stream through unbuffered, so
 * Server-Sent Events and long polls behave as behind a real proxy. No WebSocket upgrades.
 */
export interface RoundRobinProxy {
  url: string
  /** Which upstream (index) each request went to, in order. */
  readonly routed: number[]
  /** Each request as it arrived, in order: what an upstream behind it was sent. */
  readonly received: ReceivedRequest[]
  /** Send every request to upstream `index` (a sticky balancer), or `null` to take turns again. */
  pin(index: number | null): void
  close(): Promise<void>
}

export interface ReceivedRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
}

export async function startRoundRobinProxy(upstreams: readonly string[]): Promise<RoundRobinProxy> {
  const routed: number[] = []
  const received: ReceivedRequest[] = []
  let next = 0
  let pinned: number | null = null
  const server: Server = createServer((incoming, outgoing) => {
    const index = pinned ?? next++ % upstreams.length
    routed.push(index)
    received.push({ method: incoming.method ?? 'GET', url: incoming.url ?? '/', headers: incoming.headers })
    const target = new URL(incoming.url ?? '/', upstreams[index])
    const upstream = forward(target, { method: incoming.method, headers: { ...incoming.headers, host: target.host } }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers)
      answer.pipe(outgoing)
    })
    upstream.once('error', () => outgoing.destroy())
    // The client went away (an aborted poll, a closed event stream): so does the upstream request.
    outgoing.once('close', () => upstream.destroy())
    incoming.pipe(upstream)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    routed,
    received,
    pin: (index) => {
      pinned = index
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}
