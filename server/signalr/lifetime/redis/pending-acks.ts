/** Group changes sent to another instance, each waiting for that instance to say it is done. */
export class PendingAcks {
  private nextId = 1
  private readonly waiting = new Map<number, { done: () => void, fail: (error: Error) => void, timer: NodeJS.Timeout }>()

  constructor(private readonly timeoutMs: number) {}

  /** A fresh id and the promise its acknowledgement settles; it fails after the timeout. */
  create(): { id: number, acknowledged: Promise<void> } {
    const id = this.nextId++
    const acknowledged = new Promise<void>((done, fail) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id)
        fail(new Error(`No instance acknowledged the group change within ${this.timeoutMs} ms`))
      }, this.timeoutMs)
      timer.unref()
      this.waiting.set(id, { done, fail, timer })
    })
    return { id, acknowledged }
  }

  acknowledge(id: number): void {
    const entry = this.waiting.get(id)
    if (!entry) return
    clearTimeout(entry.timer)
    this.waiting.delete(id)
    entry.done()
  }

  /** Settles `id` without an acknowledgement: nobody was there to give one. */
  release(id: number): void {
    this.acknowledge(id)
  }

  failAll(error: Error): void {
    for (const [id, entry] of this.waiting) {
      clearTimeout(entry.timer)
      this.waiting.delete(id)
      entry.fail(error)
    }
  }
}
