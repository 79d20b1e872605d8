import type { CounterStore, WindowCount } from './counter-store'

/** Counters in this process: right for one instance; expired windows are swept so memory stays bounded. */
export class MemoryCounterStore implements CounterStore {
  private readonly windows = new Map<string, WindowCount>()
  private readonly sweeper: ReturnType<typeof setInterval>

  constructor(private readonly now: () => number = Date.now, sweepEveryMs = 60_000) {
    this.sweeper = setInterval(() => this.sweep(), sweepEveryMs)
    this.sweeper.unref()
  }

  async increment(key: string, windowMs: number): Promise<WindowCount> {
    const now = this.now()
    const open = this.windows.get(key)
    const window = open && open.resetAt > now ? open : { count: 0, resetAt: now + windowMs }
    window.count += 1
    this.windows.set(key, window)
    return { ...window }
  }

  async peek(key: string): Promise<WindowCount | null> {
    const open = this.windows.get(key)
    return open && open.resetAt > this.now() ? { ...open } : null
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key)
  }

  close(): void {
    clearInterval(this.sweeper)
  }

  private sweep(): void {
    const now = this.now()
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key)
  }
}
