import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'

/** The Redis the backplane suites use; each run works under a key prefix of its own. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/** A prefix no other run uses, for keys and channels alike. */
export function uniqueRedisPrefix(): string {
  return `test-${randomBytes(6).toString('hex')}`
}

/**
 * A client for a test's own use. A command that fails still rejects its promise; the listener only
 * stops ioredis printing "Unhandled error event" for a connection a closing test server ends under
 * it (the product's clients log such errors, server/app/redis-clients.ts).
 */
export function testRedisClient(): Redis {
  const client = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 })
  client.on('error', () => {})
  return client
}

/** Deletes every key under `prefix`: what a run leaves behind (counters) goes with it. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const client = testRedisClient()
  try {
    let cursor = '0'
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500)
      if (keys.length > 0) await client.del(...keys)
      cursor = next
    } while (cursor !== '0')
  }
  finally {
    client.disconnect()
  }
}

/** Undefined when Redis answers, or CI=true requires it; otherwise why the Redis suites are skipped. */
export async function redisSkipReason(): Promise<string | undefined> {
  if (process.env.CI === 'true') return undefined
  const reason = await redisUnreachable()
  if (reason) console.warn(`\n⚠ Redis suites SKIPPED: nothing answers at TEST_REDIS_URL (${reason}). Set TEST_REDIS_URL, or CI=true to require it.\n`)
  return reason
}

async function redisUnreachable(): Promise<string | undefined> {
  const client = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true })
  client.on('error', () => {})
  try {
    await client.connect()
    await client.ping()
    return undefined
  }
  catch (error) {
    return (error as Error).message
  }
  finally {
    client.disconnect()
  }
}
