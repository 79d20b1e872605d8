import { randomBytes } from 'node:crypto'
import { deleteRedisKeys } from '../../support/redis'
import { startChild, type ChildControl } from '../hub/children'
import type { PhaseResult, ServerCommand, ServerReport, SubscriberCommand, SubscriberReport } from '../hub/ipc'
import { CLUSTER, type ClusterKind } from './config'

type ServerProcess = ChildControl<ServerCommand, ServerReport>
type SubscriberProcess = ChildControl<SubscriberCommand, SubscriberReport>
type BroadcastCommand = Extract<ServerCommand, { phase: string }>

const SERVER_ENTRY: Record<ClusterKind, URL> = {
  'socket.io': new URL('./servers/socketio-cluster-server.ts', import.meta.url),
  'hub': new URL('./servers/hub-cluster-server.ts', import.meta.url),
}
const SUBSCRIBERS_ENTRY = new URL('../hub/subscribers/subscribers.ts', import.meta.url)

export interface ClusterFigures {
  /** Messages delivered per second on all instances together, from the first send to the last arrival. */
  throughput: number
  /** The slowest instance's percentiles (each subscriber process reports its own). */
  p50Ms: number
  p99Ms: number
  /** Deliveries missing in either phase (0 when every subscriber got every message). */
  lost: number
}

/**
 * Fresh instances on a Redis key prefix of their own, one subscriber process per instance, every
 * subscriber in one group/room; the first instance broadcasts, so two thirds of the deliveries
 * cross Redis. Everything is stopped and the prefix deleted afterwards, whatever happened.
 */
export async function measureCluster(kind: ClusterKind): Promise<ClusterFigures> {
  const prefix = `bench-cluster-${randomBytes(6).toString('hex')}`
  const servers: ServerProcess[] = []
  const subscribers: SubscriberProcess[] = []
  try {
    for (let i = 0; i < CLUSTER.instances; i++) servers.push(startChild(`${kind} instance ${i + 1}`, SERVER_ENTRY[kind], [CLUSTER.redisUrl, prefix]))
    const ports = await Promise.all(servers.map(async server => (await server.next('listening', CLUSTER.timeouts.startMs)).port))
    // One instance at a time: connecting 1,000 sockets is the heaviest part for two cores.
    for (const port of ports) subscribers.push(await startSubscribers(kind, port))
    await runPhase(servers[0]!, subscribers, { type: 'burst', phase: 'warmup', count: CLUSTER.warmupBroadcasts, batch: CLUSTER.burstBatch })
    const burst = await runPhase(servers[0]!, subscribers, { type: 'burst', phase: 'burst', count: CLUSTER.burstBroadcasts, batch: CLUSTER.burstBatch })
    const rate = await runPhase(servers[0]!, subscribers, { type: 'rate', phase: 'rate', count: CLUSTER.rateBroadcasts, perSecond: CLUSTER.ratePerSecond }, true)
    const sum = (results: PhaseResult[], pick: (result: PhaseResult) => number) => results.reduce((total, result) => total + pick(result), 0)
    const delivered = sum(burst, r => r.delivered)
    const firstSent = Math.min(...burst.map(r => r.firstSentAt))
    const lastArrival = Math.max(...burst.map(r => r.lastArrivalAt))
    return {
      throughput: delivered / ((lastArrival - firstSent) / 1000),
      p50Ms: Math.max(...rate.map(r => r.latencyMs!.p50)),
      p99Ms: Math.max(...rate.map(r => r.latencyMs!.p99)),
      lost: sum(burst, r => r.expected - r.delivered) + sum(rate, r => r.expected - r.delivered),
    }
  }
  finally {
    await Promise.all([...subscribers, ...servers].map(child => child.stop()))
    await deleteRedisKeys(prefix)
  }
}

async function startSubscribers(kind: ClusterKind, port: number): Promise<SubscriberProcess> {
  const count = CLUSTER.subscribersPerInstance
  const clients: SubscriberProcess = startChild(`${kind} subscribers on :${port}`, SUBSCRIBERS_ENTRY, [kind, String(port), String(count)])
  const ready = await clients.next('ready', CLUSTER.timeouts.connectMs)
  if (ready.connected !== count) {
    await clients.stop()
    throw new Error(`${kind}: ${ready.failed} of ${count} subscribers failed to join (${ready.firstError})`)
  }
  return clients
}

/** Announces the phase to every subscriber process first, so that nothing arrives before they count it. */
async function runPhase(server: ServerProcess, subscribers: SubscriberProcess[], command: BroadcastCommand, recordLatency = false): Promise<PhaseResult[]> {
  for (const clients of subscribers) {
    clients.send({ type: 'expect', phase: command.phase, perConnection: command.count, timeoutMs: CLUSTER.timeouts.phaseMs, recordLatency })
  }
  await Promise.all(subscribers.map(clients => clients.next('expecting', CLUSTER.timeouts.startMs)))
  server.send(command)
  const results = await Promise.all(subscribers.map(clients => clients.next('phase-done', CLUSTER.timeouts.phaseMs + 5_000)))
  await server.next(command.type === 'burst' ? 'burst-sent' : 'rate-sent', CLUSTER.timeouts.phaseMs)
  return results
}
