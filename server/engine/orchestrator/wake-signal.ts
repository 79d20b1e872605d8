/**
 * Sleeps that can be cut short: a loop that polls for work waits here between polls, and whoever
 * knows that work has arrived wakes one sleeper (or all, to stop), so the work is taken now rather
 * than at the next poll.
 */
export class WakeSignal {
  private readonly sleepers: Array<() => void> = []
  /** Takers between the start and the end of a look for work (`look`). */
  private looking = 0
  /**
   * Wakes that found nobody asleep while a taker was looking: work may have come after its look
   * saw the queue, so its next sleep ends at once and it looks again. A wake that finds nobody
   * looking either is dropped: every taker then is at work, and looks again when it is done.
   */
  private unclaimed = 0

  /**
   * Runs a taker's look for work. The sleep that follows a look that found nothing must begin in
   * the same turn of the event loop as the look ends (no wake can come between them then).
   */
  async look<T>(work: () => Promise<T>): Promise<T> {
    this.looking++
    try {
      return await work()
    }
    finally {
      this.looking--
    }
  }

  /** Resolves when woken (at once when a wake is unclaimed), or after `ms` when given. */
  sleep(ms?: number): Promise<void> {
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
      const timer = ms === undefined ? undefined : setTimeout(end, ms)
      this.sleepers.push(end)
    })
  }

  /** Ends the longest sleep: one piece of work wakes one taker, not every one of them. */
  wakeOne(): void {
    if (!this.wakeSleeper() && this.unclaimed < this.looking) this.unclaimed++
  }

  /** Ends the longest sleep, if a taker is asleep; says whether one was. */
  wakeSleeper(): boolean {
    const first = this.sleepers[0]
    first?.()
    return first !== undefined
  }

  wakeAll(): void {
    for (const end of [...this.sleepers]) end()
  }
}
