import { Redis } from 'ioredis'
import type { RedisConfig } from '../config/app-config'
import { logger } from '../observability/logger'
import { describeError } from '../utils/describe-error'

/**
 * A Redis connection for one job (`purpose` names it in the log). ioredis reconnects by itself;
 * while it cannot, each failure is logged once per outage, never with the URL (it may hold a password).
 */
export function createRedisClient(config: RedisConfig, purpose: string): Redis {
  const client = new Redis(config.url, {
    connectionName: `marketing-agents:${purpose}`,
    // A command waits at most this many reconnect attempts, then fails instead of queueing forever.
    maxRetriesPerRequest: 3,
  })
  let down = false
  client.on('error', (error) => {
    if (down) return
    down = true
    logger.warn({ purpose, error: describeError(error) }, 'Redis is not answering; retrying')
  })
  client.on('ready', () => {
    if (down) logger.info({ purpose }, 'Redis answers again')
    down = false
  })
  return client
}
