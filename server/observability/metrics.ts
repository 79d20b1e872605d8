import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/**
 * Every metric the server exposes on GET /metrics, in one registry. Labels stay few and bounded:
 * route patterns rather than paths, outcomes and stages from fixed lists, never an id.
 */
export const metricsRegistry = new Registry()

// Process CPU, memory, file descriptors, GC, and the event-loop delay (nodejs_eventloop_lag_*).
collectDefaultMetrics({ register: metricsRegistry })

const registers = [metricsRegistry]

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests by method, route pattern and status, from arrival to the last byte sent.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers,
})

export const httpRequestsDeferred = new Counter({
  name: 'http_requests_deferred_total',
  help: 'Requests started in a later turn of the event loop than the one they arrived in: that turn had spent its budget for starting requests.',
  registers,
})

export const hubConnections = new Gauge({
  name: 'signalr_connections',
  help: 'Hub connections past their handshake, by transport and protocol.',
  labelNames: ['transport', 'protocol'] as const,
  registers,
})

export const hubMessagesReceived = new Counter({
  name: 'signalr_messages_received_total',
  help: 'Hub messages taken in from clients (pings and acks excluded).',
  labelNames: ['protocol'] as const,
  registers,
})

export const hubMessagesSent = new Counter({
  name: 'signalr_messages_sent_total',
  help: 'Hub messages handed to client transports (pings and acks excluded).',
  labelNames: ['protocol'] as const,
  registers,
})

export const hubSlowClientDrops = new Counter({
  name: 'signalr_slow_client_drops_total',
  help: 'Connections dropped because their client fell too far behind.',
  registers,
})

export const campaignRuns = new Counter({
  name: 'campaign_runs_total',
  help: 'Campaign runs that ended, by outcome.',
  labelNames: ['outcome'] as const,
  registers,
})

export const campaignStageDuration = new Histogram({
  name: 'campaign_stage_duration_seconds',
  help: 'Time one stage of a campaign run took.',
  labelNames: ['stage'] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
  registers,
})

let runQueueDepth: () => number = () => 0

/** Where the run queue's depth is read at each scrape, rather than kept up to date on every change. */
export function measureRunQueue(depth: () => number): void {
  runQueueDepth = depth
}

export const campaignRunQueueDepth = new Gauge({
  name: 'campaign_run_queue_depth',
  help: 'Campaign runs waiting for a free slot.',
  registers,
  collect() {
    this.set(runQueueDepth())
  },
})

export const modelCallDuration = new Histogram({
  name: 'model_call_duration_seconds',
  help: 'Model calls, retries included, by outcome.',
  labelNames: ['outcome'] as const,
  buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
  registers,
})

export const modelCallRetries = new Counter({
  name: 'model_call_retries_total',
  help: 'Model calls tried again after a transient failure.',
  registers,
})

export const modelCallErrors = new Counter({
  name: 'model_call_errors_total',
  help: 'Model calls that failed for good, retries exhausted or not retryable.',
  registers,
})

export const databaseStatements = new Counter({
  name: 'database_statements_total',
  help: 'SQL statements the application\'s repositories sent to the database (the run queue\'s own excluded).',
  registers,
})

export const runQueueStatements = new Counter({
  name: 'run_queue_statements_total',
  help: 'SQL statements the PostgreSQL run queue sent, by what they were for.',
  labelNames: ['statement'] as const,
  registers,
})
