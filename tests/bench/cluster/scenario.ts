import { randomBytes } from 'node:crypto'
import { deleteRedisKeys } from '../../support/redis'
import { startChild } from '../hub/children'
import type { PhaseResult } from '../hub/ipc'
import { combinePhase, runPhase, startSubscribers, type BroadcastCommand, type ServerProcess, type SubscriberProcess } from '../hub/subscriber-processes'
import { CLUSTER, type ClusterKind } from './config'

const SERVER_ENTRY: Record<ClusterKind, URL> = {
  'socket.io': new URL('./servers/socketio-cluster-server.ts', import.meta.url),
  'hub': new URL('./servers/hub-cluster-server.ts', import.meta.url),
}

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
    for (const port of ports) subscribers.push(await startSubscribers(kind, port, CLUSTER.subscribersPerInstance, CLUSTER.timeouts.connectMs))
    await phase(servers[0]!, subscribers, { type: 'burst', phase: 'warmup', count: CLUSTER.warmupBroadcasts, batch: CLUSTER.burstBatch })
    const burst = await phase(servers[0]!, subscribers, { type: 'burst', phase: 'burst', count: CLUSTER.burstBroadcasts, batch: CLUSTER.burstBatch })
    const rate = await phase(servers[0]!, subscribers, { type: 'rate', phase: 'rate', count: CLUSTER.rateBroadcasts, perSecond: CLUSTER.ratePerSecond }, true)
    const [throughputPhase, latencyPhase] = [combinePhase(burst), combinePhase(rate)]
    return {
      throughput: throughputPhase.delivered / ((throughputPhase.lastArrivalAt - throughputPhase.firstSentAt) / 1000),
      p50Ms: Math.max(...rate.map(r => r.latencyMs!.p50)),
      p99Ms: Math.max(...rate.map(r => r.latencyMs!.p99)),
      lost: throughputPhase.expected - throughputPhase.delivered + latencyPhase.expected - latencyPhase.delivered,
    }
  }
  finally {
    await Promise.all([...subscribers, ...servers].map(child => child.stop()))
    await deleteRedisKeys(prefix)
  }
}

async function phase(server: ServerProcess, subscribers: SubscriberProcess[], command: BroadcastCommand, recordLatency = false): Promise<PhaseResult[]> {
  return (await runPhase(server, subscribers, command, { timeouts: CLUSTER.timeouts, recordLatency })).results
}
