import { rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { afterAll, describe, expect, it } from 'vitest'
import { createDataDir, freePort, runAppExpectingExit } from '../../support/app-server'

describe('a port that cannot be bound', () => {
  const dataDir = createDataDir()
  let blocker: Server | undefined
  afterAll(async () => {
    await new Promise<void>(done => blocker ? blocker.close(() => done()) : done())
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('stops the server with one line naming the address, and a non-zero exit code', async () => {
    const port = await freePort()
    // Another server on the port, which never passes for a healthy app.
    blocker = createServer((_request, response) => response.writeHead(503).end())
    await new Promise<void>(done => blocker!.listen(port, '127.0.0.1', done))

    const ended = await runAppExpectingExit({ DATA_DIR: dataDir }, { port })
    expect(ended.exitCode).toBe(1)
    expect(ended.output).toContain(`Cannot listen on 127.0.0.1:${port}: the port is already in use. Stop the other server or set PORT to a free port.`)
    expect(ended.output).not.toMatch(/^\s+at /m)
  })
})
