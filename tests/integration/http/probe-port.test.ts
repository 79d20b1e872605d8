import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDataDir, freePort, runAppExpectingExit, startApp, type RunningApp } from '../../support/app-server'
import { occupyPort, type OccupiedPort } from '../../support/occupied-port'

const METRICS_TOKEN = 'probe-port-metrics-token'

describe('PROBE_PORT: probes on a port of their own', () => {
  let app: RunningApp
  let probeUrl: string
  beforeAll(async () => {
    const probePort = await freePort()
    probeUrl = `http://127.0.0.1:${probePort}`
    app = await startApp({ PROBE_PORT: String(probePort), METRICS_TOKEN })
  })
  afterAll(() => app?.stop())

  it('answers GET /health as the main port does', async () => {
    const [probe, main] = await Promise.all([fetch(`${probeUrl}/health`), fetch(`${app.url}/health`)])
    expect(probe.status).toBe(200)
    expect(probe.headers.get('cache-control')).toBe('no-store')
    const report = await probe.json()
    expect(report).toMatchObject({ status: 'Healthy', checks: { database: 'Healthy' } })
    expect(report).toEqual(await main.json())
  })

  it('answers GET /metrics to a scraper with the token, and refuses one without', async () => {
    const scraped = await fetch(`${probeUrl}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })
    expect(scraped.status).toBe(200)
    expect(await scraped.text()).toContain('nodejs_eventloop_lag_p99_seconds')
    expect((await fetch(`${probeUrl}/metrics`)).status).toBe(401)
  })

  it('shows nothing else: pages and the API are 404 Problem Details there, and still served on the main port', async () => {
    for (const path of ['/', '/api/campaigns', '/api/openapi.json', '/hubs/campaign/negotiate', '/healthz', '/metrics/x']) {
      const response = await fetch(`${probeUrl}${path}`)
      expect(response.status, path).toBe(404)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
      expect((await response.json()).detail).toBe('This port answers GET /health and GET /metrics only.')
    }
    expect((await fetch(`${app.url}/api/openapi.json`)).status).toBe(200)
  })

  it('stops answering when the server stops', async () => {
    const otherPort = await freePort()
    const other = await startApp({ PROBE_PORT: String(otherPort) })
    const otherProbe = `http://127.0.0.1:${otherPort}/health`
    expect((await fetch(otherProbe)).status).toBe(200)
    await other.stop()
    await expect(fetch(otherProbe)).rejects.toThrow()
  })
})

describe('a PROBE_PORT that cannot work', () => {
  const dataDir = createDataDir()
  let blocker: OccupiedPort | undefined
  afterAll(async () => {
    await blocker?.release()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('stops the server, naming PROBE_PORT, when it is not a port number or is the main port', async () => {
    const notANumber = await runAppExpectingExit({ DATA_DIR: dataDir, PROBE_PORT: 'health' })
    expect(notANumber.exitCode).toBe(1)
    expect(notANumber.output).toContain('Invalid configuration: PROBE_PORT must be a port number from 1 to 65535, not "health"')

    const port = await freePort()
    const samePort = await runAppExpectingExit({ DATA_DIR: dataDir, PROBE_PORT: String(port) }, { port })
    expect(samePort.exitCode).toBe(1)
    expect(samePort.output).toContain(`PROBE_PORT must differ from the port the server answers on (${port})`)
  })

  it('stops the server, naming PROBE_PORT, when the port is in use', async () => {
    const port = await freePort()
    blocker = await occupyPort(port)
    const ended = await runAppExpectingExit({ DATA_DIR: dataDir, PROBE_PORT: String(port) })
    expect(ended.exitCode).toBe(1)
    expect(ended.output).toContain(`Cannot listen on PROBE_PORT ${port}: the port is already in use. Set PROBE_PORT to a free port.`)
    expect(ended.output).not.toMatch(/^\s+at /m)
  })
})
