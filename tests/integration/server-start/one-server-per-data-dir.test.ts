import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { LOCK_FILE } from '../../../server/data-dir/data-dir-lock'
import { ApiClient, bearer, registerUser } from '../../support/api-client'
import { createDataDir, runAppExpectingExit, startApp, type RunningApp } from '../../support/app-server'

/** The embedded database is one process's files: a second server on them must not start. */
describe('one server per data folder', () => {
  const dataDir = createDataDir()
  let app: RunningApp | undefined
  afterAll(async () => {
    await app?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('refuses a second server on the same DATA_DIR, naming the folder and the PID that holds it', async () => {
    app = await startApp({ DATA_DIR: dataDir })
    const user = await registerUser(app.url)
    const tokens: string[] = []
    const createToken = async (name: string) => {
      const created = await user.client.post('/api/tokens', { name, password: user.password })
      expect(created.status).toBe(201)
      tokens.push(created.body.token)
    }
    for (let i = 0; i < 5; i++) await createToken(`before-${i}`)

    const second = await runAppExpectingExit({ DATA_DIR: dataDir })
    expect(second.exitCode).toBe(1)
    expect(second.output).toContain(`DATA_DIR ${dataDir} is in use by another server (PID ${app.process.pid})`)
    expect(second.output).not.toMatch(/^\s+at /m)

    // The first server is untouched: healthy, still holding the folder, every write kept.
    expect((await (await fetch(`${app.url}/health`)).json()).checks.database).toBe('Healthy')
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(app.process.pid)
    for (let i = 0; i < 5; i++) await createToken(`after-${i}`)

    // A graceful stop releases the folder; the next server finds all ten writes.
    await app.stop()
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false)
    app = await startApp({ DATA_DIR: dataDir })
    const names = (await user.client.movedTo(app.url).get('/api/tokens')).body.items.map((item: { name: string }) => item.name)
    expect(names.sort()).toEqual([...Array(5).keys()].flatMap(i => [`after-${i}`, `before-${i}`]).sort())
    for (const token of tokens) expect((await new ApiClient(app.url).get('/api/auth/me', bearer(token))).status).toBe(200)
  }, 120_000)

  it('takes the folder over at once from a server killed with kill -9', async () => {
    app ??= await startApp({ DATA_DIR: dataDir })
    const killed = app.process.pid
    const exited = new Promise(resolve => app!.process.once('exit', resolve))
    app.process.kill('SIGKILL')
    await exited
    // The dead server's lock is still there: nothing ran to remove it.
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(killed)

    app = await startApp({ DATA_DIR: dataDir })
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(app.process.pid)
  }, 120_000)
})
