import { Agent, request } from 'node:http'

/**
 * GET requests over a fixed set of kept-alive connections, opened before use, as a browser or a
 * load balancer holds its connections to a server it talks to all the time. A request that finds
 * every connection busy waits in this client for one (as a browser queues its seventh request to a
 * site), never in the server's accept queue: the latencies measured through it are the server's
 * answers, while the accept queue a new connection meets is measured apart (accept-queue.ts).
 */
export class KeptAliveClient {
  private readonly agent: Agent

  constructor(readonly baseUrl: string, private readonly headers: Record<string, string> = {}, readonly connections = 6) {
    // First in, first out, so every connection carries requests in turn and none idles into the
    // server's keep-alive timeout while the others do the work.
    this.agent = new Agent({ keepAlive: true, maxSockets: connections, scheduling: 'fifo' })
  }

  /** Opens every connection, with as many concurrent requests for `path`; resolves when all are answered. */
  async open(path: string): Promise<void> {
    await Promise.all(Array.from({ length: this.connections }, () => this.get(path)))
  }

  /** The answer's status; the body is read and dropped, so the connection is free for the next request. */
  get(path: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const sent = request(`${this.baseUrl}${path}`, { agent: this.agent, headers: this.headers }, (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode!))
        response.on('error', reject)
      })
      sent.on('error', reject)
      sent.end()
    })
  }

  close(): void {
    this.agent.destroy()
  }
}
