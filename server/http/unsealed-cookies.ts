import { LRUCache } from 'lru-cache'

/**
 * Session cookies already unsealed, by their sealed text. Unsealing derives two keys with PBKDF2
 * and checks an HMAC, the same work for the same cookie on every request; a sealed cookie never
 * changes, so what it holds is kept until the session's age limit would refuse it. Only cookies
 * that unsealed are kept, and the bound keeps a flood of distinct ones from growing the memory.
 * Whether a session is still live (not signed out) is not cached here: its record is asked on
 * every request.
 */
export class UnsealedCookies<Data> {
  private readonly cache: LRUCache<string, { data: Data }>
  private readonly now: () => number

  /** `now` (milliseconds, monotonic or wall clock) is for tests; `max` bounds the entries. */
  constructor(private readonly maxAgeSeconds: number | undefined, options: { max?: number, now?: () => number } = {}) {
    this.now = options.now ?? Date.now
    // ttlResolution 0: read the clock on every recall rather than a copy refreshed by a timer.
    this.cache = new LRUCache({ max: options.max ?? 2_000, perf: { now: this.now }, ttlResolution: 0 })
  }

  recall(sealed: string): Data | undefined {
    return this.cache.get(sealed)?.data
  }

  /** `createdAt` is the session's own (milliseconds), which its age limit counts from. */
  remember(sealed: string, data: Data, createdAt: number): void {
    if (!this.maxAgeSeconds) {
      this.cache.set(sealed, { data })
      return
    }
    const remainingMs = createdAt + this.maxAgeSeconds * 1000 - this.now()
    if (remainingMs > 0) this.cache.set(sealed, { data }, { ttl: remainingMs })
  }
}
