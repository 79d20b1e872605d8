import { afterAll, describe, expect, it } from 'vitest'
import { LoginThrottle } from '../../../server/accounts/login-throttle'
import { RateLimiter } from '../../../server/rate-limit/rate-limiter'
import { RedisCounterStore } from '../../../server/rate-limit/redis-counter-store'
import { deleteRedisKeys, redisSkipReason, testRedisClient, uniqueRedisPrefix } from '../../support/redis'

const skipReason = await redisSkipReason()
const prefix = uniqueRedisPrefix()

describe.skipIf(skipReason)('counters in Redis, shared by instances', () => {
  const clients = skipReason ? [] : [testRedisClient(), testRedisClient(), testRedisClient()]
  // Three instances: one store each, on its own connection, under the same prefix.
  const stores = clients.map(client => new RedisCounterStore(client, `${prefix}:counters`))
  afterAll(async () => {
    for (const client of clients) client.disconnect()
    await deleteRedisKeys(prefix)
  })

  it('counts every increment once when instances race on one key, and opens one window', async () => {
    const results = await Promise.all(Array.from({ length: 300 }, (_, i) => stores[i % 3]!.increment('race', 60_000)))
    expect(results.map(result => result.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1))
    const peeked = await stores[1]!.peek('race')
    expect(peeked?.count).toBe(300)
    expect(peeked!.resetAt).toBeGreaterThan(Date.now())
    expect(peeked!.resetAt).toBeLessThanOrEqual(Date.now() + 60_000)
  })

  it('starts a new window once the old one has ended, and forgets a key that is reset', async () => {
    await stores[0]!.increment('short', 30)
    while (await stores[2]!.peek('short') !== null) await new Promise(resolve => setTimeout(resolve, 10))
    expect((await stores[1]!.increment('short', 60_000)).count).toBe(1)
    await stores[0]!.reset('short')
    expect(await stores[2]!.peek('short')).toBeNull()
  })

  it('refuses the request past the limit whichever instance counts it', async () => {
    const limiters = stores.map(store => new RateLimiter(store, 100))
    for (let i = 0; i < 100; i++) expect((await limiters[i % 3]!.consume('user:1')).allowed).toBe(true)
    for (const limiter of limiters) expect((await limiter.consume('user:1')).allowed).toBe(false)
    expect((await limiters[0]!.consume('user:2')).allowed).toBe(true)
  })

  it('throttles sign-in failures counted on other instances', async () => {
    const throttles = stores.map(store => new LoginThrottle(store))
    for (let i = 0; i < 5; i++) await throttles[i % 3]!.recordFailure('victim@example.com', '198.51.100.7')
    for (const throttle of throttles) expect(await throttle.retryAfterSeconds('victim@example.com', '198.51.100.7')).toBeGreaterThan(0)
    expect(await throttles[0]!.retryAfterSeconds('victim@example.com', '198.51.100.8')).toBe(0)
  })
})
