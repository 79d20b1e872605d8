import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from '../../support/app-server'

describe('a server that executes runs', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp({ LOG_LEVEL: 'debug' })
  })
  afterAll(() => app?.stop())

  it('warms up the run steps as it starts, and says how long that took', async () => {
    const output = await app.outputContaining('Run steps warmed up')
    const line = output.split('\n').find(entry => entry.includes('Run steps warmed up'))!
    expect(JSON.parse(line)).toMatchObject({ level: 'debug', durationMs: expect.any(Number) })
    expect(output).not.toContain('Warming up the run steps failed')
  })
})
