/**
 * Runs jobs with at most `concurrency` at once, first come first served. In-process: a
 * restart loses the queue, which is why runs are persisted and resumed at start-up.
 */
export class RunQueue<Job> {
  private readonly waiting: Job[] = []
  private active = 0
  private readonly drained: Array<() => void> = []

  constructor(
    private readonly concurrency: number,
    private readonly run: (job: Job) => Promise<void>,
  ) {}

  push(job: Job): void {
    this.waiting.push(job)
    this.next()
  }

  /** Takes a job out before it starts; false when it is no longer waiting. */
  remove(predicate: (job: Job) => boolean): Job | null {
    const index = this.waiting.findIndex(predicate)
    return index === -1 ? null : this.waiting.splice(index, 1)[0]!
  }

  /** Resolves once nothing is waiting or running. */
  idle(): Promise<void> {
    if (this.active === 0 && this.waiting.length === 0) return Promise.resolve()
    return new Promise(resolve => this.drained.push(resolve))
  }

  private next(): void {
    while (this.active < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!
      this.active++
      void this.run(job).finally(() => {
        this.active--
        this.next()
        if (this.active === 0 && this.waiting.length === 0) for (const resolve of this.drained.splice(0)) resolve()
      })
    }
  }
}
