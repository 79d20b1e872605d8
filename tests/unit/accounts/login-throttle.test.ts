import { describe, expect, it } from 'vitest'
import { FAILED_SIGN_IN_WINDOW_MS, LoginThrottle, MAX_FAILED_SIGN_INS } from '../../../server/accounts/login-throttle'
import { MemoryCounterStore } from '../../../server/rate-limit/memory-counter-store'

function setUp() {
  let now = 1_000_000
  const clock = () => now
  const store = new MemoryCounterStore(clock)
  return { throttle: new LoginThrottle(store, clock), advance: (ms: number) => (now += ms), close: () => store.close() }
}

describe('sign-in throttling', () => {
  it('allows 5 failures, then blocks the account until 15 minutes after the first', async () => {
    const { throttle, advance, close } = setUp()
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      expect(await throttle.retryAfterSeconds('a@example.com', `10.0.0.${i}`)).toBe(0)
      await throttle.recordFailure('A@example.com', `10.0.0.${i}`)
    }
    expect(await throttle.retryAfterSeconds('a@example.com', '10.9.9.9')).toBe(FAILED_SIGN_IN_WINDOW_MS / 1000)
    advance(FAILED_SIGN_IN_WINDOW_MS - 1000)
    expect(await throttle.retryAfterSeconds('a@example.com', '10.9.9.9')).toBe(1)
    advance(1000)
    expect(await throttle.retryAfterSeconds('a@example.com', '10.9.9.9')).toBe(0)
    close()
  })

  it('blocks an address that failed on 5 accounts, but not other addresses', async () => {
    const { throttle, close } = setUp()
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await throttle.recordFailure(`user${i}@example.com`, '10.0.0.1')
    expect(await throttle.retryAfterSeconds('fresh@example.com', '10.0.0.1')).toBeGreaterThan(0)
    expect(await throttle.retryAfterSeconds('fresh@example.com', '10.0.0.2')).toBe(0)
    close()
  })

  it('forgets an account\'s failures when it signs in successfully', async () => {
    const { throttle, close } = setUp()
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) await throttle.recordFailure('b@example.com', `10.0.1.${i}`)
    await throttle.recordSuccess('b@example.com')
    await throttle.recordFailure('b@example.com', '10.0.2.1')
    expect(await throttle.retryAfterSeconds('b@example.com', '10.0.2.2')).toBe(0)
    close()
  })
})
