/** A count within a fixed window that ends at `resetAt` (epoch milliseconds). */
export interface WindowCount {
  count: number
  resetAt: number
}

/**
 * Fixed-window counters shared by rate limiting and sign-in throttling. In memory by default; a
 * Redis implementation (INCR + PEXPIRE) makes limits hold across instances without other changes.
 */
export interface CounterStore {
  /** Adds one to `key`, opening a window of `windowMs` when none is open, and returns the new state. */
  increment(key: string, windowMs: number): Promise<WindowCount>
  /** The open window of `key`, or null when it has none. */
  peek(key: string): Promise<WindowCount | null>
  /** Forgets `key`. */
  reset(key: string): Promise<void>
}
