import { rmSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { createDataDir, freePort, runAppExpectingExit } from '../../support/app-server'
import { occupyPort, type OccupiedPort } from '../../support/occupied-port'

describe('a port that cannot be bound', () => {
  const dataDir = createDataDir()
  let blocker: OccupiedPort | undefined
  afterAll(async () => {
    await blocker?.release()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('stops the server with one line naming the address, and a non-zero exit code', async () => {
    const port = await freePort()
    blocker = await occupyPort(port)

    const ended = await runAppExpectingExit({ DATA_DIR: dataDir }, { port })
    expect(ended.exitCode).toBe(1)
    expect(ended.output).toContain(`Cannot listen on 127.0.0.1:${port}: the port is already in use. Stop the other server or set PORT to a free port.`)
    expect(ended.output).not.toMatch(/^\s+at /m)
  })
})
