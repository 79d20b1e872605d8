import type { CounterStore } from './counter-store'

export interface RateLimitDecision {
  allowed: boolean
  limit: number
  remaining: number
  /** When the window ends, in Unix seconds (the X-RateLimit-Reset convention). */
  resetAtSeconds: number
  /** Whole seconds until a request may succeed again; 0 when allowed. */
  retryAfterSeconds: number
}

const WINDOW_MS = 60_000

/** `limit` requests per minute per key (a principal: a user, or an address when anonymous). */
export class RateLimiter {
  constructor(private readonly store: CounterStore, readonly limit: number, private readonly now: () => number = Date.now) {}

  /** Counts one request against `key`. */
  async consume(key: string): Promise<RateLimitDecision> {
    const window = await this.store.increment(`rate:${key}`, WINDOW_MS)
    return this.decide(window.count, window.resetAt)
  }

  /** The state of `key` without counting a request. */
  async inspect(key: string): Promise<RateLimitDecision> {
    const window = await this.store.peek(`rate:${key}`)
    return window ? this.decide(window.count, window.resetAt) : this.decide(0, this.now() + WINDOW_MS)
  }

  private decide(count: number, resetAt: number): RateLimitDecision {
    const allowed = count <= this.limit
    return {
      allowed,
      limit: this.limit,
      remaining: Math.max(0, this.limit - count),
      resetAtSeconds: Math.ceil(resetAt / 1000),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((resetAt - this.now()) / 1000)),
    }
  }
}
