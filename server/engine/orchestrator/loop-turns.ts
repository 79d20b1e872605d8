const RESOLVED = Promise.resolve()

/**
 * How long one turn of the event loop may spend on run steps before the rest wait for a later turn
 * (a step that started is never split). The event-loop delay target is 20 ms at the 99th percentile,
 * measured with a 10 ms timer, so no turn should run past 10 ms; a turn also starts requests (their
 * own budget, request-turns.ts), handles I/O and collects garbage. Measured side by side in the
 * engine benchmark (docs/BENCHMARKS.md), 5 ms left turns of 5 ms of runs plus 5 ms of requests, and
 * the loop's p99 over 20 ms; half a millisecond keeps runs/s and lowers the p99 below it. While the
 * server has nothing else to do, the next turn comes at once.
 */
export const RUN_TURN_BUDGET_MS = 0.5

/**
 * Shares the event loop between campaign runs and everything else the process serves. Between steps
 * (after each write, between streamed pieces) a run awaits `pass()`: while the current turn of the
 * loop has spent less than the budget on run steps it resolves at once. Past that, steps wait, first
 * come first served, and resume in a later turn, after timers and I/O (pages, REST, the hub, health
 * probes) had theirs. At zero pace a run is a long chain of short steps, and without this one turn
 * would run many runs' steps back to back while every request waited. The budget is looked at when a
 * step asks, so steps that ask at once, before any of them ran, all go.
 */
export class LoopTurns {
  /** When the current slice of run steps began; null once the turn it began in has ended. */
  private sliceStartedAt: number | null = null
  private readonly waiting: Array<() => void> = []
  private releaseScheduled = false

  constructor(
    private readonly budgetMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Resolves at once while this turn has budget left, else in a later turn of the loop. */
  pass(): Promise<void> {
    if (this.waiting.length === 0 && this.hasBudget()) return RESOLVED
    return new Promise((resolve) => {
      this.waiting.push(resolve)
      // From I/O (the poll phase) the first immediate still runs in this turn: the second is the next turn's.
      this.scheduleRelease(2)
    })
  }

  /** Steps waiting for a later turn (for tests and diagnostics). */
  get waitingSteps(): number {
    return this.waiting.length
  }

  private hasBudget(): boolean {
    const now = this.now()
    if (this.sliceStartedAt === null) {
      this.sliceStartedAt = now
      // An immediate runs at the end of the turn the slice began in (or of the next, from an immediate).
      setImmediate(this.endSlice)
    }
    return now - this.sliceStartedAt < this.budgetMs
  }

  private readonly endSlice = () => {
    this.sliceStartedAt = null
  }

  private scheduleRelease(immediates: 1 | 2): void {
    if (this.releaseScheduled) return
    this.releaseScheduled = true
    if (immediates === 2) setImmediate(() => setImmediate(this.release))
    else setImmediate(this.release)
  }

  /** Runs in an immediate: resumes waiting steps, oldest first, while this turn has budget. */
  private readonly release = async () => {
    this.releaseScheduled = false
    while (this.waiting.length > 0 && this.hasBudget()) {
      this.waiting.shift()!()
      // The resumed step runs up to its next wait before the budget is looked at again.
      await RESOLVED
    }
    // Already in an immediate: one more is the next turn.
    if (this.waiting.length > 0) this.scheduleRelease(1)
  }
}

/** The process's one event loop, shared by every run it executes. */
export const runTurns = new LoopTurns(RUN_TURN_BUDGET_MS)
