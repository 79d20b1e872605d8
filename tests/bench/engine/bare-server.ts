import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import type { EventLoopDelay } from './event-loop'

/**
 * The least a Node server can do for a probe: a `node:http` server in a process of its own that
 * answers every request at once with a fixed body. Probed on the same schedule as `/health` during
 * the burst, its latencies are what this machine and the benchmark's own process add to any answer
 * (the two cores shared with the server under test, the benchmark's event loop, loopback TCP): the
 * floor under the `/health` figures, measured in the same moment. Its own event-loop delay,
 * measured as the server's is (`monitorEventLoopDelay`, 10 ms resolution, reset at each read of
 * `GET /event-loop`), is what waiting for a core adds to a loop with nothing to do.
 */
const BARE_SERVER = `
const { createServer } = require('node:http')
const { monitorEventLoopDelay } = require('node:perf_hooks')
const delay = monitorEventLoopDelay({ resolution: 10 })
delay.enable()
const body = '{"status":"Healthy"}'
const server = createServer((request, response) => {
  response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
  if (request.url !== '/event-loop') return response.end(body)
  const ms = nanoseconds => nanoseconds / 1e6
  response.end(JSON.stringify({ p50Ms: ms(delay.percentile(50)), p99Ms: ms(delay.percentile(99)), maxMs: ms(delay.max) }))
  delay.reset()
})
server.listen(0, '127.0.0.1', () => console.log(server.address().port))
`

export interface BareServer {
  url: string
  /** The bare server's event-loop delay since the last read. */
  eventLoopDelay: () => Promise<EventLoopDelay>
  stop: () => Promise<void>
}

export async function startBareServer(): Promise<BareServer> {
  const child = spawn(process.execPath, ['-e', BARE_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout })
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`The bare probe server exited before listening (code ${code})`)
  })
  const [port] = await Promise.race([once(lines, 'line') as Promise<[string]>, exited])
  lines.close()
  const url = `http://127.0.0.1:${Number(port)}`
  return {
    url,
    eventLoopDelay: async () => {
      const response = await fetch(`${url}/event-loop`)
      if (!response.ok) throw new Error(`The bare server's GET /event-loop answered ${response.status}`)
      return await response.json() as EventLoopDelay
    },
    stop: async () => {
      if (child.exitCode !== null) return
      const gone = once(child, 'exit')
      child.kill('SIGTERM')
      await gone
    },
  }
}
