import { createServer } from 'node:http'

export interface OccupiedPort {
  release: () => Promise<void>
}

/** Another server on `port` (127.0.0.1), answering 503 so it never passes for a healthy app. */
export async function occupyPort(port: number): Promise<OccupiedPort> {
  const server = createServer((_request, response) => response.writeHead(503).end())
  await new Promise<void>(done => server.listen(port, '127.0.0.1', done))
  return { release: () => new Promise<void>(done => server.close(() => done())) }
}
