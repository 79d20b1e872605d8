import type { CounterStore } from '../rate-limit/counter-store'

/** Wrong passwords one address may try on one account within the window. */
export const MAX_FAILED_SIGN_INS = 5
/** Wrong passwords one address may try across all accounts within the window (a sprayer's budget). */
export const MAX_FAILED_SIGN_INS_PER_ADDRESS = 20
export const FAILED_SIGN_IN_WINDOW_MS = 15 * 60_000

/**
 * Slows password guessing without handing strangers a way to lock owners out. Failures count per
 * account *and address*: 5 within 15 minutes stop that address trying that account, while the owner,
 * coming from elsewhere, signs in as usual. Each address also has a budget of 20 failures across
 * accounts, which stops one address spraying a few passwords over many accounts.
 */
export class LoginThrottle {
  constructor(private readonly store: CounterStore, private readonly now: () => number = Date.now) {}

  /** Seconds until this address may try this account again; 0 when it may now. */
  async retryAfterSeconds(email: string, address: string): Promise<number> {
    const [pair, spray] = await Promise.all([this.store.peek(pairKey(email, address)), this.store.peek(addressKey(address))])
    const blockedUntil = Math.max(
      0,
      pair !== null && pair.count >= MAX_FAILED_SIGN_INS ? pair.resetAt : 0,
      spray !== null && spray.count >= MAX_FAILED_SIGN_INS_PER_ADDRESS ? spray.resetAt : 0,
    )
    return blockedUntil === 0 ? 0 : Math.max(1, Math.ceil((blockedUntil - this.now()) / 1000))
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([
      this.store.increment(pairKey(email, address), FAILED_SIGN_IN_WINDOW_MS),
      this.store.increment(addressKey(address), FAILED_SIGN_IN_WINDOW_MS),
    ])
  }

  /** A successful sign-in clears this address's failures on the account; its budget across accounts keeps its count. */
  async recordSuccess(email: string, address: string): Promise<void> {
    await this.store.reset(pairKey(email, address))
  }
}

// JSON keeps the two parts apart whatever characters an email holds.
const pairKey = (email: string, address: string) => `sign-in:account-address:${JSON.stringify([email.toLowerCase(), address])}`
const addressKey = (address: string) => `sign-in:address:${address}`
