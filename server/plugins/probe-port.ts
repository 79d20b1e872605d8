import { createServer } from 'node:http'
import { toNodeListener } from 'h3'
import { isProbePath, readProbePort } from '../config/probe-port'
import { HttpProblem, PROBLEM_CONTENT_TYPE } from '../http/problem'
import { logger } from '../observability/logger'

/**
 * Probes on a port of their own (PROBE_PORT). The event loop's libuv (Node 20) accepts one new
 * connection per turn of the loop, so when a burst opens a hundred connections at once, a probe on
 * a new connection to the main port waits behind all of them before the server sees it (see
 * docs/BENCHMARKS.md, "connections waiting to be accepted"). A second listening socket has a queue
 * of its own: its probe is accepted in the next turn. Its requests are handled by the same
 * application, so `/health` and `/metrics` answer exactly as on the main port; every other path is
 * 404 there, so the port shows nothing a probe does not need.
 */
export default defineNitroPlugin((nitroApp) => {
  let port: number | undefined
  try {
    port = readProbePort(process.env)
  }
  catch (error) {
    stopServer(`Invalid configuration: ${error instanceof Error ? error.message : error}`)
  }
  if (port === undefined) return

  const handle = toNodeListener(nitroApp.h3App)
  const notFound = JSON.stringify(new HttpProblem(404, 'This port answers GET /health and GET /metrics only.').toProblem('/'))
  const server = createServer((request, response) => {
    if (isProbePath(request.url)) return void handle(request, response)
    response.writeHead(404, { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store' })
    response.end(notFound)
  })
  server.on('error', (error: NodeJS.ErrnoException) => {
    stopServer(error.code === 'EADDRINUSE'
      ? `Cannot listen on PROBE_PORT ${port}: the port is already in use. Set PROBE_PORT to a free port.`
      : `Cannot listen on PROBE_PORT ${port}: ${error.message}.`)
  })
  // On the same address as the main port (Nitro reads NITRO_HOST, then HOST; unset: every address).
  const host = process.env.NITRO_HOST || process.env.HOST || undefined
  server.listen(port, host, () => logger.info({ port }, 'Answering probes on PROBE_PORT'))
  nitroApp.hooks.hook('close', () => new Promise<void>((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  }))
})
