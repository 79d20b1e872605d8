import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from '../support/app-server'

describe('GET /health', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(() => app?.stop())

  it('reports every check healthy, without authentication or caching', async () => {
    const response = await fetch(`${app.url}/health`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const body = await response.json()
    expect(body.status).toBe('Healthy')
    expect(body.role).toBe('all')
    expect(body.checks.server).toBe('Healthy')
  })
})
