import { loadRedisConfig } from '../config/app-config'
import { logger } from '../observability/logger'
import type { SharedConnectionSlots } from '../signalr/connection-slots'
import { RedisHubLifetimeManager, type HubLifetimeManager } from '../signalr/lifetime'
import { RedisConnectionSlots } from '../signalr/lifetime/redis/redis-connection-slots'
import { describeError } from '../utils/describe-error'
import { registerHealthCheck } from '../utils/health'
import { createRedisClient } from './redis-clients'

/**
 * With REDIS_URL, the hub's groups, users and revocations span every instance over Redis; without
 * it (undefined), the endpoint keeps them in this process, as a single server needs.
 */
export function hubLifetimeManagerFor(hubName: string): HubLifetimeManager | undefined {
  const config = redisConfig()
  if (!config) return undefined
  const publisher = createRedisClient(config, `hub-${hubName}`)
  registerHealthCheck('redis', async () => {
    await publisher.ping()
  })
  return new RedisHubLifetimeManager({
    publisher,
    subscriber: createRedisClient(config, `hub-${hubName}-subscriber`),
    channelPrefix: `${config.keyPrefix}:hub:${hubName}`,
    onError: (error, what) => logger.error({ hub: hubName, error: describeError(error) }, `Hub backplane: failed ${what}`),
  })
}

/**
 * With REDIS_URL, each principal's hub connections are counted in Redis, so the cap holds across
 * instances; without it (undefined), the endpoint counts those it holds.
 */
export function hubConnectionSlotsFor(hubName: string): SharedConnectionSlots | undefined {
  const config = redisConfig()
  if (!config) return undefined
  return new RedisConnectionSlots(
    createRedisClient(config, `hub-${hubName}-slots`),
    `${config.keyPrefix}:hub:${hubName}:slots`,
    config.hubSlotSeconds * 1000,
    (error, what) => logger.error({ hub: hubName, error: describeError(error) }, `Hub connection slots: failed ${what}`),
  )
}

function redisConfig() {
  try {
    return loadRedisConfig()
  }
  catch {
    // Reported, and the server stopped, by the start-up check (server/plugins/hub-lifecycle.ts).
    return undefined
  }
}
