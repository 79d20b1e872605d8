import { describe, expect, it } from 'vitest'
import {
  FAILED_SIGN_IN_WINDOW_MS, LoginThrottle, MAX_FAILED_SIGN_INS, MAX_FAILED_SIGN_INS_PER_ADDRESS,
} from '../../../server/accounts/login-throttle'
import { MemoryCounterStore } from '../../../server/rate-limit/memory-counter-store'

function setUp() {
  let now = 1_000_000
  const clock = () => now
  const store = new MemoryCounterStore(clock)
  return { throttle: new LoginThrottle(store, clock), advance: (ms: number) => (now += ms), close: () => store.close() }
}

describe('sign-in throttling', () => {
  it('allows an address 5 failures on an account, then blocks that pair until 15 minutes after the first', async () => {
    const { throttle, advance, close } = setUp()
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      expect(await throttle.retryAfterSeconds('a@example.com', '10.0.0.1')).toBe(0)
      await throttle.recordFailure('A@example.com', '10.0.0.1')
    }
    expect(await throttle.retryAfterSeconds('a@example.com', '10.0.0.1')).toBe(FAILED_SIGN_IN_WINDOW_MS / 1000)
    advance(FAILED_SIGN_IN_WINDOW_MS - 1000)
    expect(await throttle.retryAfterSeconds('a@example.com', '10.0.0.1')).toBe(1)
    advance(1000)
    expect(await throttle.retryAfterSeconds('a@example.com', '10.0.0.1')).toBe(0)
    close()
  })

  it('does not lock the account for other addresses: a stranger cannot lock the owner out', async () => {
    const { throttle, close } = setUp()
    for (let i = 0; i < MAX_FAILED_SIGN_INS * 2; i++) await throttle.recordFailure('owner@example.com', '10.0.0.66')
    expect(await throttle.retryAfterSeconds('owner@example.com', '10.0.0.66')).toBeGreaterThan(0)
    expect(await throttle.retryAfterSeconds('owner@example.com', '10.0.0.1')).toBe(0)
    close()
  })

  it('blocks an address that used its budget across accounts, on every account, but not other addresses', async () => {
    const { throttle, close } = setUp()
    for (let i = 0; i < MAX_FAILED_SIGN_INS_PER_ADDRESS - 1; i++) await throttle.recordFailure(`user${i}@example.com`, '10.0.0.1')
    expect(await throttle.retryAfterSeconds('fresh@example.com', '10.0.0.1')).toBe(0)
    await throttle.recordFailure('last@example.com', '10.0.0.1')
    expect(await throttle.retryAfterSeconds('fresh@example.com', '10.0.0.1')).toBeGreaterThan(0)
    expect(await throttle.retryAfterSeconds('fresh@example.com', '10.0.0.2')).toBe(0)
    close()
  })

  it('forgets an address\'s failures on an account when it signs in there, but not its budget', async () => {
    const { throttle, close } = setUp()
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) await throttle.recordFailure('b@example.com', '10.0.1.1')
    await throttle.recordSuccess('b@example.com', '10.0.1.1')
    await throttle.recordFailure('b@example.com', '10.0.1.1')
    expect(await throttle.retryAfterSeconds('b@example.com', '10.0.1.1')).toBe(0)
    for (let i = 0; i < MAX_FAILED_SIGN_INS_PER_ADDRESS - MAX_FAILED_SIGN_INS; i++) await throttle.recordFailure(`c${i}@example.com`, '10.0.1.1')
    expect(await throttle.retryAfterSeconds('b@example.com', '10.0.1.1')).toBeGreaterThan(0)
    close()
  })
})
