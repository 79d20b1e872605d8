import { rmSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { ApiClient, bearer, registerUser } from '../../support/api-client'
import { createDataDir, startApp, type RunningApp } from '../../support/app-server'

describe('the embedded database under kill -9', () => {
  const dataDir = createDataDir()
  let app: RunningApp | undefined
  afterAll(async () => {
    await app?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('keeps every acknowledged write, and the secrets that make sessions and tokens valid', async () => {
    app = await startApp({ DATA_DIR: dataDir })
    expect((await (await fetch(`${app.url}/health`)).json()).checks.database).toBe('Healthy')
    const user = await registerUser(app.url)
    const created = await user.client.post('/api/tokens', { name: 'survivor', password: user.password })
    expect(created.status).toBe(201)

    // No graceful shutdown: the process dies the moment the last write was acknowledged.
    const exited = new Promise(resolve => app!.process.once('exit', resolve))
    app.process.kill('SIGKILL')
    await exited

    app = await startApp({ DATA_DIR: dataDir })
    const relogin = await new ApiClient(app.url).post('/api/auth/login', { email: user.email, password: user.password })
    expect(relogin.status).toBe(200)
    expect((await new ApiClient(app.url).get('/api/auth/me', bearer(created.body.token))).body.user.id).toBe(user.id)
    // The session secret was kept in DATA_DIR, so the cookie issued before the crash still opens.
    expect((await user.client.movedTo(app.url).get('/api/tokens')).body.items[0].name).toBe('survivor')
  }, 120_000)
})
