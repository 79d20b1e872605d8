import { connect, type Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import { bearer } from '../../support/api-client'
import { useCampaignApp } from '../../support/campaign-suite'

const METRICS_TOKEN = 'request-turns-scrape-token'
const BURST = 300

/** Opens `count` connections and waits until every one is established. */
async function openSockets(url: string, count: number): Promise<Socket[]> {
  const { hostname, port } = new URL(url)
  return Promise.all(Array.from({ length: count }, () => new Promise<Socket>((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket))
    socket.once('error', reject)
  })))
}

/**
 * Sends `GET path` on every socket in one go (the bytes leave within a millisecond or so, so the
 * server finds most of them in the same turn of its event loop) and resolves with each answer's status.
 */
async function burst(sockets: Socket[], path: string): Promise<number[]> {
  const answers = sockets.map(socket => new Promise<number>((resolve, reject) => {
    let received = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => {
      received += chunk
    })
    socket.once('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0)))
    socket.once('error', reject)
  }))
  for (const socket of sockets) socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`)
  return Promise.all(answers)
}

describe('requests arriving together', () => {
  // Rate limits per address would refuse most of one client's burst: raised, so every request is handled.
  const suite = useCampaignApp({ METRICS_TOKEN, RATE_LIMIT_PER_MINUTE: '1000000' })

  const deferred = async (): Promise<number> => {
    const response = await fetch(`${suite.app.url}/metrics`, { headers: bearer(METRICS_TOKEN) })
    const match = /^http_requests_deferred_total (\S+)$/m.exec(await response.text())
    if (!match) throw new Error('GET /metrics has no http_requests_deferred_total')
    return Number(match[1])
  }

  it('are spread over several turns of the event loop, and every one is answered', async () => {
    const before = await deferred()
    const statuses = await burst(await openSockets(suite.app.url, BURST), '/api/campaigns')
    // Signed out: each is refused by the route, after the middleware let it start.
    expect(statuses).toEqual(Array.from({ length: BURST }, () => 401))
    expect(await deferred()).toBeGreaterThan(before)
  })

  it('health probes among them are never put off', async () => {
    const before = await deferred()
    const statuses = await burst(await openSockets(suite.app.url, BURST), '/health')
    expect(statuses).toEqual(Array.from({ length: BURST }, () => 200))
    expect(await deferred()).toBe(before)
  })
})
