import { HubError } from '../hub'

/**
 * A client-to-server stream as the hub method sees it: an async iterable fed by the
 * client's StreamItem messages and ended by its Completion.
 */
export class UploadStream implements AsyncIterable<unknown> {
  private readonly items: unknown[] = []
  private waiting: ((result: IteratorResult<unknown>) => void) | null = null
  private failWaiting: ((error: Error) => void) | null = null
  private ended = false
  private error: Error | null = null

  push(item: unknown): void {
    if (this.ended) return
    if (this.waiting) this.resolveWith({ value: item, done: false })
    else this.items.push(item)
  }

  /** The client completed the stream, with an error message if it failed. */
  complete(error?: string): void {
    if (this.ended) return
    this.ended = true
    if (error !== undefined) this.error = new HubError(error)
    if (!this.waiting) return
    if (this.error) {
      const fail = this.failWaiting!
      this.waiting = this.failWaiting = null
      fail(this.error)
    }
    else {
      this.resolveWith({ value: undefined, done: true })
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<unknown> {
    return {
      next: () => {
        if (this.items.length > 0) return Promise.resolve({ value: this.items.shift(), done: false })
        if (this.error) return Promise.reject(this.error)
        if (this.ended) return Promise.resolve({ value: undefined, done: true })
        return new Promise((resolve, reject) => {
          this.waiting = resolve
          this.failWaiting = reject
        })
      },
    }
  }

  private resolveWith(result: IteratorResult<unknown>): void {
    const resolve = this.waiting!
    this.waiting = this.failWaiting = null
    resolve(result)
  }
}
