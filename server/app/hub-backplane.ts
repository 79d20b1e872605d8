import { loadRedisConfig } from '../config/app-config'
import { logger } from '../observability/logger'
import { RedisHubLifetimeManager, type HubLifetimeManager } from '../signalr/lifetime'
import { describeError } from '../utils/describe-error'
import { registerHealthCheck } from '../utils/health'
import { createRedisClient } from './redis-clients'

/**
 * With REDIS_URL, the hub's groups, users and revocations span every instance over Redis; without
 * it (undefined), the endpoint keeps them in this process, as a single server needs.
 */
export function hubLifetimeManagerFor(hubName: string): HubLifetimeManager | undefined {
  let config
  try {
    config = loadRedisConfig()
  }
  catch {
    // Reported, and the server stopped, by the start-up check (server/plugins/hub-lifecycle.ts).
    return undefined
  }
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
