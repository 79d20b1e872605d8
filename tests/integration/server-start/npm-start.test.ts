import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { buildIsCurrent } from '../../../scripts/ensure-build.mjs'
import { createDataDir, freePort, prepareDatabaseTemplate } from '../../support/app-server'
import { seedEmbeddedDatabase } from '../../support/database-template'

/**
 * `npm start` (scripts/start.mjs) builds only when the sources changed, so it is run here only on a
 * build of the current sources, which `npm test` makes first: a rebuild would replace `.output`
 * under every other test file running meanwhile.
 */
describe.skipIf(!buildIsCurrent(process.cwd()))('npm start', () => {
  const dataDir = createDataDir()
  let start: ChildProcess | undefined
  afterAll(() => {
    start?.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('serves the app on PORT, and Ctrl-C (SIGINT) stops the server it started, exiting 0', async () => {
    await seedEmbeddedDatabase(dataDir, await prepareDatabaseTemplate())
    const port = await freePort()
    const url = `http://127.0.0.1:${port}`
    start = spawn(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
      stdio: 'ignore',
    })
    const exited = new Promise<number | null>(resolve => start!.once('exit', code => resolve(code)))

    await expect.poll(() => fetch(`${url}/health`).then(response => response.status, () => 0), { timeout: 30_000, interval: 100 }).toBe(200)
    const page = await fetch(url)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')

    start.kill('SIGINT')
    expect(await exited).toBe(0)
    // The server was stopped, not left running without its parent.
    await expect(fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow()
  }, 60_000)
})
