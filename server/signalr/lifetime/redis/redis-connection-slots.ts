import type { Redis } from 'ioredis'
import type { ConnectionSlot, SharedConnectionSlots } from '../../connection-slots'

/**
 * Drops the principal's slots not renewed within ARGV[1] ms (a dead instance's), counts the others,
 * and takes ARGV[2]'s slot, in one step: two instances admitting at once get different counts. Times
 * come from Redis's clock, so instances' clocks need not agree.
 */
const TAKE = `
local time = redis.call('TIME')
local now = time[1] * 1000 + math.floor(time[2] / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[1]))
local others = redis.call('ZCARD', KEYS[1])
redis.call('ZADD', KEYS[1], now, ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return others
`

/** Marks each slot (KEYS[i], ARGV[i + 1]) seen now, if it is still there; keeps each key as long as a slot. */
const RENEW = `
local time = redis.call('TIME')
local now = time[1] * 1000 + math.floor(time[2] / 1000)
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, 'XX', now, ARGV[i + 1])
  redis.call('PEXPIRE', key, ARGV[1])
end
return #KEYS
`

/** Slots renewed per script call: bounds one call's work with thousands of connections. */
const RENEW_BATCH = 500

/**
 * A sorted set per principal (`{prefix}:{userId}`): a member per connection id (never its token),
 * scored with when its instance last renewed it. Connections of dead instances lapse after
 * `slotLifetimeMs`; live instances renew theirs every third of it.
 */
export class RedisConnectionSlots implements SharedConnectionSlots {
  readonly renewEveryMs: number

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly slotLifetimeMs: number,
    private readonly reportError: (error: unknown, what: string) => void,
  ) {
    this.renewEveryMs = Math.max(1000, Math.floor(slotLifetimeMs / 3))
  }

  async take({ userId, connectionId }: ConnectionSlot): Promise<number> {
    return Number(await this.redis.eval(TAKE, 1, this.keyOf(userId), this.slotLifetimeMs, connectionId))
  }

  release({ userId, connectionId }: ConnectionSlot): void {
    this.redis.zrem(this.keyOf(userId), connectionId).catch(error => this.reportError(error, 'releasing a connection slot'))
  }

  async renew(slots: readonly ConnectionSlot[]): Promise<void> {
    for (let start = 0; start < slots.length; start += RENEW_BATCH) {
      const batch = slots.slice(start, start + RENEW_BATCH)
      await this.redis.eval(RENEW, batch.length, ...batch.map(slot => this.keyOf(slot.userId)), this.slotLifetimeMs, ...batch.map(slot => slot.connectionId))
    }
  }

  private keyOf(userId: string): string {
    return `${this.prefix}:${userId}`
  }
}
