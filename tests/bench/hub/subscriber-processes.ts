import { startChild, type ChildControl } from './children'
import type { ServerKind } from './config'
import type { PhaseResult, ServerCommand, ServerReport, SubscriberCommand, SubscriberReport } from './ipc'

export type ServerProcess = ChildControl<ServerCommand, ServerReport>
export type SubscriberProcess = ChildControl<SubscriberCommand, SubscriberReport>
export type BroadcastCommand = Extract<ServerCommand, { phase: string }>

const SUBSCRIBERS_ENTRY = new URL('./subscribers/subscribers.ts', import.meta.url)

export interface PhaseTimeouts {
  /** How long a child may take to acknowledge a command. */
  startMs: number
  /** How long the subscribers wait for a phase's deliveries before reporting what they got. */
  phaseMs: number
}

/**
 * One subscriber process holding `count` joined subscribers of `kind` on `port`, numbered from
 * `firstIndex` so that the subscribers of several processes on one server are different users.
 */
export async function startSubscribers(kind: ServerKind, port: number, count: number, connectMs: number, firstIndex = 0): Promise<SubscriberProcess> {
  const clients: SubscriberProcess = startChild(`${kind} subscribers ${firstIndex}… on :${port}`, SUBSCRIBERS_ENTRY, [kind, String(port), String(count), String(firstIndex)])
  try {
    const ready = await clients.next('ready', connectMs)
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

/**
 * `count` subscribers on one server split over `processes` subscriber processes, connected one
 * process after the other (connecting is the heaviest part for two cores).
 */
export async function startSubscriberProcesses(kind: ServerKind, port: number, count: number, processes: number, connectMs: number): Promise<SubscriberProcess[]> {
  const started: SubscriberProcess[] = []
  try {
    for (let i = 0; i < processes; i++) {
      const first = Math.floor(count * i / processes)
      started.push(await startSubscribers(kind, port, Math.floor(count * (i + 1) / processes) - first, connectMs, first))
    }
    return started
  }
  catch (error) {
    await stopAll(started)
    throw error
  }
}

export async function stopAll(subscribers: SubscriberProcess[]): Promise<void> {
  await Promise.all(subscribers.map(clients => clients.stop()))
}

export interface PhaseOptions {
  timeouts: PhaseTimeouts
  recordLatency?: boolean
  /** Every delivery's latency comes back too, so percentiles can be pooled over processes and phases. */
  keepLatencies?: boolean
}

/** Announces the phase to every subscriber process first, so that nothing arrives before they count it. */
export async function runPhase(server: ServerProcess, subscribers: SubscriberProcess[], command: BroadcastCommand, options: PhaseOptions): Promise<{ results: PhaseResult[], sent: ServerReport }> {
  const { timeouts, recordLatency = false, keepLatencies = false } = options
  for (const clients of subscribers) {
    clients.send({ type: 'expect', phase: command.phase, perConnection: command.count, timeoutMs: timeouts.phaseMs, recordLatency: recordLatency || keepLatencies, keepLatencies })
  }
  await Promise.all(subscribers.map(clients => clients.next('expecting', timeouts.startMs)))
  server.send(command)
  const results = await Promise.all(subscribers.map(clients => clients.next('phase-done', timeouts.phaseMs + 5_000)))
  const sent = await server.next(command.type === 'burst' ? 'burst-sent' : 'rate-sent', timeouts.phaseMs)
  return { results, sent }
}

/** A phase over all subscriber processes: deliveries summed, from the earliest send to the last arrival anywhere. */
export function combinePhase(results: PhaseResult[]): { expected: number, delivered: number, firstSentAt: number, lastArrivalAt: number } {
  return {
    expected: results.reduce((sum, result) => sum + result.expected, 0),
    delivered: results.reduce((sum, result) => sum + result.delivered, 0),
    firstSentAt: Math.min(...results.map(result => result.firstSentAt)),
    lastArrivalAt: Math.max(...results.map(result => result.lastArrivalAt)),
  }
}
