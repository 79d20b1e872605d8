import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer } from '../../support/api-client'
import { startApp, type RunningApp } from '../../support/app-server'
import { connectCampaignHub } from '../../support/campaign-hub'
import { createCampaign, runToEnd } from '../../support/campaigns'
import { useCampaignApp } from '../../support/campaign-suite'

const METRICS_TOKEN = 'scrape-token-for-tests'

/** Every sample of the exposition as `name{labels}` → value (HELP and TYPE lines left out). */
function samples(text: string): Map<string, number> {
  const values = new Map<string, number>()
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*(?:\{[^}]*\})?) (\S+)$/.exec(line)
    if (match) values.set(match[1]!, Number(match[2]))
  }
  return values
}

describe('GET /metrics with METRICS_TOKEN set', () => {
  const suite = useCampaignApp({ METRICS_TOKEN })

  const scrape = () => fetch(`${suite.app.url}/metrics`, { headers: bearer(METRICS_TOKEN) })

  it('answers 401 with Problem Details without the token or with a wrong one', async () => {
    for (const headers of [{}, bearer('wrong-token'), { Authorization: METRICS_TOKEN }]) {
      const response = await fetch(`${suite.app.url}/metrics`, { headers })
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe('Bearer')
      expect(response.headers.get('content-type')).toBe('application/problem+json')
      expect(await response.json()).toMatchObject({ status: 401, title: 'Unauthorized' })
    }
  })

  it('after a campaign run and a hub connection, reports them with the process and HTTP metrics', async () => {
    const { connection } = await connectCampaignHub(suite.app.url, suite.owner.client)
    const id = await createCampaign(suite.owner.client)
    await connection.invoke('JoinCampaignGroup', id)
    const settled = await runToEnd(suite.owner.client, id, '/generate')
    expect(settled.status).toBe('Completed')

    const response = await scrape()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    const metrics = samples(await response.text())
    await connection.stop()

    expect(metrics.get('signalr_connections{transport="WebSockets",protocol="json"}')).toBe(1)
    expect(metrics.get('signalr_messages_received_total{protocol="json"}')).toBeGreaterThan(0)
    expect(metrics.get('signalr_messages_sent_total{protocol="json"}')).toBeGreaterThan(0)
    expect(metrics.get('signalr_slow_client_drops_total')).toBe(0)
    expect(metrics.get('campaign_runs_total{outcome="completed"}')).toBe(1)
    expect(metrics.get('campaign_stage_duration_seconds_count{stage="Generating"}')).toBe(1)
    expect(metrics.get('campaign_stage_duration_seconds_count{stage="Auditing"}')).toBeGreaterThan(0)
    expect(metrics.get('campaign_run_queue_depth')).toBe(0)
    // The offline writer goes through the same retrying call as a model: one call per artifact.
    expect(metrics.get('model_call_duration_seconds_count{outcome="success"}')).toBe(3)
    expect(metrics.get('model_call_retries_total')).toBe(0)
    expect(metrics.get('model_call_errors_total')).toBe(0)
    // Route patterns, not paths: one series however many campaigns are read.
    expect(metrics.get('http_request_duration_seconds_count{method="GET",route="/api/campaigns/:id",status="200"}')).toBeGreaterThan(0)
    expect([...metrics.keys()].some(name => name.includes(id))).toBe(false)
    expect(metrics.get('nodejs_eventloop_lag_p99_seconds')).toBeGreaterThan(0)
    expect(metrics.get('process_resident_memory_bytes')).toBeGreaterThan(0)
    expect(metrics.get('process_cpu_user_seconds_total')).toBeGreaterThan(0)
  })
})

describe('GET /metrics without METRICS_TOKEN', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(() => app?.stop())

  it('does not exist: 404, whatever is sent', async () => {
    expect((await fetch(`${app.url}/metrics`)).status).toBe(404)
    expect((await fetch(`${app.url}/metrics`, { headers: bearer('anything') })).status).toBe(404)
  })
})
