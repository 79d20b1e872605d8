import { setTimeout as sleep } from 'node:timers/promises'
import { BENCH, type ServerKind } from './config'
import { startChild, type ChildControl } from './children'
import type { PhaseResult, ServerCommand, ServerReport, SubscriberCommand, SubscriberReport } from './ipc'

type ServerProcess = ChildControl<ServerCommand, ServerReport>
type SubscriberProcess = ChildControl<SubscriberCommand, SubscriberReport>
type BroadcastCommand = Extract<ServerCommand, { phase: string }>

const SERVER_ENTRY: Record<ServerKind, URL> = {
  'ws': new URL('./servers/ws-server.ts', import.meta.url),
  'socket.io': new URL('./servers/socketio-server.ts', import.meta.url),
  'hub': new URL('./servers/hub-server.ts', import.meta.url),
}
const SUBSCRIBERS_ENTRY = new URL('./subscribers/subscribers.ts', import.meta.url)

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

export interface MemoryFigures {
  emptyRssBytes: number
  loadedRssBytes: number
  bytesPerConnection: number
}

/** A fresh server and `subscribers` subscribers in one group: warm-up, throughput, then latency at a fixed rate. */
export async function measureDelivery(kind: ServerKind, subscribers: number): Promise<DeliveryFigures> {
  return withServer(kind, async (server, port) => {
    const clients = await startSubscribers(kind, port, subscribers)
    try {
      await runPhase(server, clients, { type: 'burst', phase: 'warmup', count: BENCH.warmupBroadcasts, batch: BENCH.burstBatch }, false)
      const [burst, sent] = await runPhase(server, clients, { type: 'burst', phase: 'burst', count: BENCH.burstBroadcasts, batch: BENCH.burstBatch }, false)
      const [rate] = await runPhase(server, clients, { type: 'rate', phase: 'rate', count: BENCH.rateBroadcasts, perSecond: BENCH.ratePerSecond }, true)
      if (sent.type === 'burst-sent' && sent.drainTimeouts > 0) console.error(`${kind}: ${sent.drainTimeouts} batches did not drain`)
      return {
        throughput: burst.delivered / ((burst.lastArrivalAt - burst.firstSentAt) / 1000),
        p50Ms: rate.latencyMs!.p50,
        p99Ms: rate.latencyMs!.p99,
        serverCpuUsPerMessage: sent.type === 'burst-sent' ? sent.cpuMs * 1000 / burst.delivered : Number.NaN,
        lost: burst.expected - burst.delivered + rate.expected - rate.delivered,
      }
    }
    finally {
      await clients.stop()
    }
  })
}

/** A fresh server's RSS empty and with `BENCH.idleConnections` idle subscribers, both after GC. */
export async function measureIdleMemory(kind: ServerKind): Promise<MemoryFigures> {
  return withServer(kind, async (server, port) => {
    await sleep(500)
    server.send({ type: 'memory' })
    const empty = await server.next('memory', BENCH.timeouts.memoryMs)
    const clients = await startSubscribers(kind, port, BENCH.idleConnections)
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
      }
    }
    finally {
      await clients.stop()
    }
  })
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

async function startSubscribers(kind: ServerKind, port: number, count: number): Promise<SubscriberProcess> {
  const clients: SubscriberProcess = startChild(`${kind} subscribers`, SUBSCRIBERS_ENTRY, [kind, String(port), String(count)])
  try {
    const ready = await clients.next('ready', BENCH.timeouts.connectMs)
    if (ready.connected !== count) {
      throw new Error(`${kind}: ${ready.failed} of ${count} subscribers failed to join (${ready.firstError})`)
    }
    return clients
  }
  catch (error) {
    await clients.stop()
    throw error
  }
}

/** Announces the phase to the subscribers first, so that nothing arrives before they count it. */
async function runPhase(server: ServerProcess, clients: SubscriberProcess, command: BroadcastCommand, recordLatency: boolean): Promise<[PhaseResult, ServerReport]> {
  clients.send({ type: 'expect', phase: command.phase, perConnection: command.count, timeoutMs: BENCH.timeouts.phaseMs, recordLatency })
  await clients.next('expecting', BENCH.timeouts.startMs)
  server.send(command)
  const result = await clients.next('phase-done', BENCH.timeouts.phaseMs + 5_000)
  const sent = await server.next(command.type === 'burst' ? 'burst-sent' : 'rate-sent', BENCH.timeouts.phaseMs)
  return [result, sent]
}
