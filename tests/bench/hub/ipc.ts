/** Messages between the runner and its children, over Node's IPC channel. */

export type ServerCommand
  = | { type: 'burst', phase: string, count: number, batch: number }
    | { type: 'rate', phase: string, count: number, perSecond: number }
    | { type: 'memory' }

export type ServerReport
  = | { type: 'listening', port: number }
    | { type: 'burst-sent', elapsedMs: number, cpuMs: number, drainTimeouts: number }
    | { type: 'rate-sent', lateMs: number }
    | { type: 'memory', rssBytes: number, heapUsedBytes: number, connections: number }

export type SubscriberCommand
  = | { type: 'expect', phase: string, perConnection: number, timeoutMs: number, recordLatency: boolean, keepLatencies?: boolean }

export interface PhaseResult {
  type: 'phase-done'
  phase: string
  expected: number
  delivered: number
  /** The earliest send stamp among the phase's messages (monotonic ms). */
  firstSentAt: number
  /** When the last message of the phase arrived (monotonic ms). */
  lastArrivalAt: number
  latencyMs?: { p50: number, p99: number, max: number }
  /** Every delivery's latency, when the runner pools them over processes and phases. */
  latenciesMs?: number[]
}

export type SubscriberReport
  = | { type: 'ready', connected: number, failed: number, firstError?: string }
    | { type: 'expecting', phase: string }
    | PhaseResult

/** Sends to the parent; a child whose parent is gone leaves instead of lingering. */
export function toParent(message: ServerReport | SubscriberReport): void {
  if (!process.send || !process.connected) process.exit(1)
  process.send(message)
}

/** Children never outlive the runner: the IPC channel closing means it is gone. */
export function exitWithParent(): void {
  process.on('disconnect', () => process.exit(0))
}
