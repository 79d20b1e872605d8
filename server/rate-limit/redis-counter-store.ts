import type { Redis } from 'ioredis'
import type { CounterStore, WindowCount } from './counter-store'

/**
 * Adds one and opens the window in one step, so instances racing on a key never lose a count or
 * leave a key without expiry. Returns the count and the window's remaining milliseconds.
 */
const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }
`

/** Counters every instance shares: a limit of 100 a minute is 100 across all of them. */
export class RedisCounterStore implements CounterStore {
  constructor(
    private readonly redis: Redis,
    /** Starts every key: `{prefix}:{key}`. */
    private readonly prefix: string,
    private readonly now: () => number = Date.now,
  ) {}

  async increment(key: string, windowMs: number): Promise<WindowCount> {
    const [count, ttl] = await this.redis.eval(INCREMENT, 1, this.keyOf(key), windowMs) as [number, number]
    return { count, resetAt: this.now() + ttl }
  }

  async peek(key: string): Promise<WindowCount | null> {
    const [[, count], [, ttl]] = await this.redis.multi().get(this.keyOf(key)).pttl(this.keyOf(key)).exec() as [[null, string | null], [null, number]]
    if (count === null || ttl < 0) return null
    return { count: Number(count), resetAt: this.now() + ttl }
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.keyOf(key))
  }

  private keyOf(key: string): string {
    return `${this.prefix}:${key}`
  }
}
