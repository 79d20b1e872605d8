import type { PhaseResult } from '../ipc'
import type { BenchPayload } from '../payload'
import { percentile } from '../stats'

/** Counts one phase's deliveries over all connections and, when asked, their latencies. */
export class PhaseTracker {
  private delivered = 0
  private firstSentAt = Number.POSITIVE_INFINITY
  private lastArrivalAt = 0
  private readonly latencies: Float64Array | null
  private finished = false
  private readonly timer: NodeJS.Timeout

  constructor(
    readonly phase: string,
    private readonly expected: number,
    recordLatency: boolean,
    private readonly keepLatencies: boolean,
    timeoutMs: number,
    private readonly onDone: (result: PhaseResult) => void,
  ) {
    this.latencies = recordLatency ? new Float64Array(expected) : null
    // A phase that never completes (a dropped client, a lost message) still reports what it got.
    this.timer = setTimeout(() => this.finish(), timeoutMs)
  }

  record(payload: BenchPayload, arrivedAt: number): void {
    if (this.finished || payload.p !== this.phase) return
    if (payload.t < this.firstSentAt) this.firstSentAt = payload.t
    this.lastArrivalAt = arrivedAt
    if (this.latencies) this.latencies[this.delivered] = arrivedAt - payload.t
    if (++this.delivered === this.expected) this.finish()
  }

  private finish(): void {
    if (this.finished) return
    this.finished = true
    clearTimeout(this.timer)
    const result: PhaseResult = {
      type: 'phase-done',
      phase: this.phase,
      expected: this.expected,
      delivered: this.delivered,
      firstSentAt: this.firstSentAt,
      lastArrivalAt: this.lastArrivalAt,
    }
    if (this.latencies) {
      const sorted = this.latencies.subarray(0, this.delivered).sort()
      result.latencyMs = { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: percentile(sorted, 1) }
      if (this.keepLatencies) result.latenciesMs = Array.from(sorted)
    }
    this.onDone(result)
  }
}
