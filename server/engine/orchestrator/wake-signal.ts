/**
 * Sleeps that can be cut short: a loop that polls for work waits here between polls, and whoever
 * knows that work has arrived wakes one sleeper (or all, to stop), so the work is taken now rather
 * than at the next poll.
 */
export class WakeSignal {
  private readonly sleepers: Array<() => void> = []
  /**
   * Wakes that found nobody asleep: the loop they were meant for was between its look for work and
   * its sleep, so its next sleep ends at once. Bounded: a look for work finds every waiting piece.
   */
  private unclaimed = 0

  constructor(private readonly maxUnclaimed = 64) {}

  /** Resolves after `ms`, or sooner when woken (at once when a wake is unclaimed). */
  sleep(ms: number): Promise<void> {
    if (this.unclaimed > 0) {
      this.unclaimed--
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      const end = () => {
        clearTimeout(timer)
        const index = this.sleepers.indexOf(end)
        if (index >= 0) this.sleepers.splice(index, 1)
        resolve()
      }
      const timer = setTimeout(end, ms)
      this.sleepers.push(end)
    })
  }

  /** Ends the longest sleep: one piece of work wakes one taker, not every one of them. */
  wakeOne(): void {
    const first = this.sleepers[0]
    if (first) first()
    else this.unclaimed = Math.min(this.unclaimed + 1, this.maxUnclaimed)
  }

  wakeAll(): void {
    for (const end of [...this.sleepers]) end()
  }
}
