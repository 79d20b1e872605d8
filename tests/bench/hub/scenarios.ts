import { setTimeout as sleep } from 'node:timers/promises'
import { BENCH, type ServerKind } from './config'
import { startChild } from './children'
import { median, percentile } from './stats'
import { combinePhase, runPhase, startSubscriberProcesses, startSubscribers, stopAll, type ServerProcess, type SubscriberProcess } from './subscriber-processes'

const SERVER_ENTRY: Record<ServerKind, URL> = {
  'ws': new URL('./servers/ws-server.ts', import.meta.url),
  'socket.io': new URL('./servers/socketio-server.ts', import.meta.url),
  'hub': new URL('./servers/hub-server.ts', import.meta.url),
}

export interface DeliveryFigures {
  /** Messages delivered per second, from the first broadcast's send to the last arrival. */
  throughput: number
  p50Ms: number
  p99Ms: number
  /** The server's CPU time (user + system) per delivered message during the throughput phase. */
  serverCpuUsPerMessage: number
  /** Deliveries missing in either phase (0 when every subscriber got every message). */
  lost: number
}

export interface IdleFigures {
  emptyRssBytes: number
  loadedRssBytes: number
  bytesPerConnection: number
  /** Send → last delivery of one broadcast to every idle connection: the median and the slowest over the broadcasts. */
  toAllMs: number
  toAllMaxMs: number
  /** Send → arrival of every delivery of those broadcasts, pooled. */
  p50Ms: number
  p99Ms: number
  /** The server's CPU time per broadcast to all, median over the broadcasts. */
  serverCpuMsPerBroadcast: number
  /** Deliveries missing over all the broadcasts. */
  lost: number
}

const DELIVERY_TIMEOUTS = { startMs: BENCH.timeouts.startMs, phaseMs: BENCH.timeouts.phaseMs }
const TO_ALL_TIMEOUTS = { startMs: BENCH.timeouts.startMs, phaseMs: BENCH.timeouts.broadcastToAllMs }

/** A fresh server and `subscribers` subscribers in one group: warm-up, throughput, then latency at a fixed rate. */
export async function measureDelivery(kind: ServerKind, subscribers: number): Promise<DeliveryFigures> {
  return withServer(kind, async (server, port) => {
    const clients = [await startSubscribers(kind, port, subscribers, BENCH.timeouts.connectMs)]
    try {
      await runPhase(server, clients, { type: 'burst', phase: 'warmup', count: BENCH.warmupBroadcasts, batch: BENCH.burstBatch }, { timeouts: DELIVERY_TIMEOUTS })
      const { results: [burst], sent } = await runPhase(server, clients, { type: 'burst', phase: 'burst', count: BENCH.burstBroadcasts, batch: BENCH.burstBatch }, { timeouts: DELIVERY_TIMEOUTS })
      const { results: [rate] } = await runPhase(server, clients, { type: 'rate', phase: 'rate', count: BENCH.rateBroadcasts, perSecond: BENCH.ratePerSecond }, { timeouts: DELIVERY_TIMEOUTS, recordLatency: true })
      if (sent.type === 'burst-sent' && sent.drainTimeouts > 0) console.error(`${kind}: ${sent.drainTimeouts} batches did not drain`)
      return {
        throughput: burst!.delivered / ((burst!.lastArrivalAt - burst!.firstSentAt) / 1000),
        p50Ms: rate!.latencyMs!.p50,
        p99Ms: rate!.latencyMs!.p99,
        serverCpuUsPerMessage: sent.type === 'burst-sent' ? sent.cpuMs * 1000 / burst!.delivered : Number.NaN,
        lost: burst!.expected - burst!.delivered + rate!.expected - rate!.delivered,
      }
    }
    finally {
      await stopAll(clients)
    }
  })
}

/**
 * A fresh server's RSS empty and with `BENCH.idleConnections` idle joined subscribers, both after
 * GC; then, with all of them still connected, `BENCH.idleBroadcasts` broadcasts to all, one at a time.
 */
export async function measureIdle(kind: ServerKind): Promise<IdleFigures> {
  return withServer(kind, async (server, port) => {
    await sleep(500)
    server.send({ type: 'memory' })
    const empty = await server.next('memory', BENCH.timeouts.memoryMs)
    const clients = await startSubscriberProcesses(kind, port, BENCH.idleConnections, BENCH.idleSubscriberProcesses, BENCH.timeouts.connectMs)
    try {
      // Let connection setup settle (timers, pending callbacks) before looking.
      await sleep(2_000)
      server.send({ type: 'memory' })
      const loaded = await server.next('memory', BENCH.timeouts.memoryMs)
      if (loaded.connections < BENCH.idleConnections) {
        throw new Error(`${kind} server holds ${loaded.connections} of ${BENCH.idleConnections} connections`)
      }
      return {
        emptyRssBytes: empty.rssBytes,
        loadedRssBytes: loaded.rssBytes,
        bytesPerConnection: (loaded.rssBytes - empty.rssBytes) / BENCH.idleConnections,
        ...await broadcastToAll(server, clients),
      }
    }
    finally {
      await stopAll(clients)
    }
  })
}

type ToAllFigures = Pick<IdleFigures, 'toAllMs' | 'toAllMaxMs' | 'p50Ms' | 'p99Ms' | 'serverCpuMsPerBroadcast' | 'lost'>

/** Unmeasured broadcasts to every idle connection, then the measured ones; each waits until the last has arrived everywhere. */
async function broadcastToAll(server: ServerProcess, clients: SubscriberProcess[]): Promise<ToAllFigures> {
  const toAll = (phase: string) => runPhase(server, clients, { type: 'burst', phase, count: 1, batch: 1 }, { timeouts: TO_ALL_TIMEOUTS, keepLatencies: true })
  for (let i = 0; i < BENCH.idleWarmupBroadcasts; i++) await toAll(`to-all-warmup-${i}`)
  const spans: number[] = []
  const cpuMs: number[] = []
  const latencies: number[] = []
  let lost = 0
  for (let i = 0; i < BENCH.idleBroadcasts; i++) {
    const { results, sent } = await toAll(`to-all-${i}`)
    const phase = combinePhase(results)
    if (phase.delivered > 0) spans.push(phase.lastArrivalAt - phase.firstSentAt)
    if (sent.type === 'burst-sent') cpuMs.push(sent.cpuMs)
    for (const result of results) latencies.push(...result.latenciesMs!)
    lost += phase.expected - phase.delivered
  }
  const sorted = Float64Array.from(latencies).sort()
  return {
    toAllMs: median(spans),
    toAllMaxMs: Math.max(...spans),
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    serverCpuMsPerBroadcast: median(cpuMs),
    lost,
  }
}

async function withServer<T>(kind: ServerKind, body: (server: ServerProcess, port: number) => Promise<T>): Promise<T> {
  const server: ServerProcess = startChild(`${kind} server`, SERVER_ENTRY[kind])
  try {
    const { port } = await server.next('listening', BENCH.timeouts.startMs)
    return await body(server, port)
  }
  finally {
    await server.stop()
  }
}
