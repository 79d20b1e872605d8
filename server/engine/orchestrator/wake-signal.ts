/**
 * Sleeps that can be cut short: a loop that polls for work waits here between polls, and whoever
 * knows that work has arrived wakes one sleeper (or all, to stop), so the work is taken now rather
 * than at the next poll.
 */
export class WakeSignal {
  private readonly sleepers: Array<() => void> = []

  /** Resolves after `ms`, or sooner when woken. */
  sleep(ms: number): Promise<void> {
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
    this.sleepers[0]?.()
  }

  wakeAll(): void {
    for (const end of [...this.sleepers]) end()
  }
}
