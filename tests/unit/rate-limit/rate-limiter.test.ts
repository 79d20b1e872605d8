import { describe, expect, it } from 'vitest'
import { MemoryCounterStore } from '../../../server/rate-limit/memory-counter-store'
import { RateLimiter } from '../../../server/rate-limit/rate-limiter'

function setUp(limit: number) {
  let now = 1_700_000_000_000
  const clock = () => now
  const store = new MemoryCounterStore(clock, 10)
  return { limiter: new RateLimiter(store, limit, clock), store, advance: (ms: number) => (now += ms) }
}

describe('rate limiter', () => {
  it('allows `limit` requests per minute, counting down, then refuses with the seconds until the window resets', async () => {
    const { limiter, store, advance } = setUp(3)
    const decisions = [await limiter.consume('k'), await limiter.consume('k'), await limiter.consume('k')]
    expect(decisions.map(d => [d.allowed, d.remaining])).toEqual([[true, 2], [true, 1], [true, 0]])
    expect(decisions[0]!.resetAtSeconds).toBe((1_700_000_000_000 + 60_000) / 1000)
    advance(20_000)
    const refused = await limiter.consume('k')
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 40 })
    advance(40_000)
    expect((await limiter.consume('k')).allowed).toBe(true)
    store.close()
  })

  it('keeps keys apart', async () => {
    const { limiter, store } = setUp(1)
    await limiter.consume('a')
    expect((await limiter.consume('a')).allowed).toBe(false)
    expect((await limiter.consume('b')).allowed).toBe(true)
    store.close()
  })

  it('reports without counting when inspecting', async () => {
    const { limiter, store } = setUp(2)
    await limiter.inspect('k')
    await limiter.inspect('k')
    expect((await limiter.inspect('k')).remaining).toBe(2)
    await limiter.consume('k')
    expect((await limiter.inspect('k')).remaining).toBe(1)
    store.close()
  })
})

describe('in-memory counter store', () => {
  it('sweeps windows that have ended', async () => {
    const { store, advance } = setUp(1)
    await store.increment('old', 1000)
    advance(2000)
    await new Promise(resolve => setTimeout(resolve, 30))
    expect(await store.peek('old')).toBeNull()
    expect((store as unknown as { windows: Map<string, unknown> }).windows.size).toBe(0)
    store.close()
  })
})
