/**
 * The server's own event-loop delay, read from GET /metrics: prom-client samples it with
 * `perf_hooks.monitorEventLoopDelay` (10 ms resolution) and resets the histogram at every scrape,
 * so a scrape just before the burst and one just after give the burst's figures alone.
 */
export interface EventLoopDelay {
  p50Ms: number
  p99Ms: number
  maxMs: number
}

/** GET /metrics as text. Reading it resets the event-loop histogram. */
export async function scrapeMetrics(baseUrl: string, metricsToken: string): Promise<string> {
  const response = await fetch(`${baseUrl}/metrics`, { headers: { Authorization: `Bearer ${metricsToken}` } })
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`)
  return await response.text()
}

export function eventLoopDelayFrom(metrics: string): EventLoopDelay {
  const seconds = (name: string) => {
    const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(metrics)
    if (!match) throw new Error(`GET /metrics has no ${name}`)
    return Number(match[1]) * 1000
  }
  return {
    p50Ms: seconds('nodejs_eventloop_lag_p50_seconds'),
    p99Ms: seconds('nodejs_eventloop_lag_p99_seconds'),
    maxMs: seconds('nodejs_eventloop_lag_max_seconds'),
  }
}
