import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { KeptAliveClient } from '../../bench/engine/kept-alive-client'

describe('the engine benchmark samplers\' kept-alive connections', () => {
  let server: Server
  let baseUrl: string
  let connections = 0
  const received: IncomingMessage[] = []
  const held: ServerResponse[] = []
  let client: KeptAliveClient | undefined

  beforeAll(async () => {
    server = createServer((request, response) => {
      received.push(request)
      if (request.url === '/held') held.push(response)
      else response.writeHead(request.url === '/missing' ? 404 : 200).end('{"status":"Healthy"}')
    })
    server.on('connection', () => connections++)
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterEach(() => {
    client?.close()
    connections = 0
    received.length = 0
  })

  afterAll(() => {
    server.close()
  })

  it('opens all its connections first and carries every later request on them, with its headers', async () => {
    client = new KeptAliveClient(baseUrl, { Cookie: 'nuxt-session=abc' }, 3)
    await client.open('/health')
    expect(connections).toBe(3)

    const statuses = await Promise.all(Array.from({ length: 20 }, (_, n) => client!.get(n === 0 ? '/missing' : '/api/campaigns/1')))
    expect(statuses.filter(status => status === 200)).toHaveLength(19)
    expect(statuses[0]).toBe(404)
    expect(connections).toBe(3)
    expect(received.every(request => request.headers.cookie === 'nuxt-session=abc')).toBe(true)
  })

  it('takes its connections in turn, so none idles into the server\'s keep-alive timeout', async () => {
    client = new KeptAliveClient(baseUrl, {}, 3)
    await client.open('/health')
    received.length = 0
    for (let n = 0; n < 6; n++) await client.get('/one-at-a-time')
    const perConnection = new Map<unknown, number>()
    for (const request of received) perConnection.set(request.socket, (perConnection.get(request.socket) ?? 0) + 1)
    expect([...perConnection.values()]).toEqual([2, 2, 2])
  })

  it('keeps a request that finds every connection busy waiting in the client, not on a new connection', async () => {
    client = new KeptAliveClient(baseUrl, {}, 2)
    await client.open('/health')
    const answers = [client.get('/held'), client.get('/held'), client.get('/after')]
    await new Promise(resolve => setTimeout(resolve, 100))
    expect(received.map(request => request.url)).toEqual(['/health', '/health', '/held', '/held'])

    held.shift()!.end()
    expect(await answers[2]).toBe(200)
    expect(connections).toBe(2)
    held.shift()!.end()
    await Promise.all(answers)
  })
})
