import { createHash } from 'node:crypto'

/**
 * Which instance holds a connection, for the requests of a connection that reach an instance which
 * does not (a load balancer that is not sticky). Only a backplane has an answer; alone, an unknown
 * connection is simply unknown.
 */
export interface ConnectionOwnership {
  /** This instance holds the connection presenting `connectionToken`; resolves once others can tell. */
  claim(connectionToken: string): Promise<void>
  /** This instance no longer holds it. */
  release(connectionToken: string): void
  /** Whether another instance holds it (asked only for a token unknown here). */
  claimedElsewhere(connectionToken: string): Promise<boolean>
}

/** What stands for a connection token where the token itself must not appear (Redis channel names, memory of logs). */
export function connectionTokenDigest(connectionToken: string): string {
  return createHash('sha256').update(connectionToken).digest('hex')
}
