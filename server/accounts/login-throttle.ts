import type { CounterStore } from '../rate-limit/counter-store'

export const MAX_FAILED_SIGN_INS = 5
export const FAILED_SIGN_IN_WINDOW_MS = 15 * 60_000

/**
 * Slows password guessing: after 5 failed sign-ins within 15 minutes, an account is locked for the
 * rest of the window, and so is the address they came from (which stops one address trying a few
 * passwords on many accounts).
 */
export class LoginThrottle {
  constructor(private readonly store: CounterStore, private readonly now: () => number = Date.now) {}

  /** Seconds until sign-in may be tried again for this account or address; 0 when it may now. */
  async retryAfterSeconds(email: string, address: string): Promise<number> {
    const windows = await Promise.all([this.store.peek(accountKey(email)), this.store.peek(addressKey(address))])
    const blockedUntil = Math.max(0, ...windows.filter(w => w !== null && w.count >= MAX_FAILED_SIGN_INS).map(w => w!.resetAt))
    return blockedUntil === 0 ? 0 : Math.max(1, Math.ceil((blockedUntil - this.now()) / 1000))
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([
      this.store.increment(accountKey(email), FAILED_SIGN_IN_WINDOW_MS),
      this.store.increment(addressKey(address), FAILED_SIGN_IN_WINDOW_MS),
    ])
  }

  /** A successful sign-in clears the account's failures; the address keeps its count. */
  async recordSuccess(email: string): Promise<void> {
    await this.store.reset(accountKey(email))
  }
}

const accountKey = (email: string) => `sign-in:account:${email.toLowerCase()}`
const addressKey = (address: string) => `sign-in:address:${address}`
