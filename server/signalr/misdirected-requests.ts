import type { HubLogger } from './diagnostics'
import { connectionTokenDigest, type ConnectionOwnership } from './lifetime'
import type { TransportKind } from './transports'

/** The answer to a request for a connection another instance holds: a status no other refusal uses. */
export const MISDIRECTED_STATUS = 421

export const MISDIRECTED_PROBLEM = {
  type: 'about:blank',
  title: 'Misdirected Request',
  status: MISDIRECTED_STATUS,
  detail: 'This connection belongs to another instance; the load balancer must route a connection\'s requests to one instance (sticky sessions).',
}

/** Connections already reported: enough to say it once per connection, bounded against a flood of ids. */
const REMEMBERED_CONNECTIONS = 10_000

/**
 * Tells apart a connection id that is unknown everywhere (404, as ASP.NET Core answers) from one
 * another instance holds, which means the load balancer is not sticky: that is logged at warn once
 * per connection, since every poll and send of it will land here the same way.
 */
export class MisdirectedRequests {
  private readonly reported = new Set<string>()

  constructor(private readonly ownership: ConnectionOwnership | undefined, private readonly log: HubLogger) {}

  async heldElsewhere(connectionToken: string, request: { method: string, transport: TransportKind | null, userId: string }): Promise<boolean> {
    if (!this.ownership || !await this.ownership.claimedElsewhere(connectionToken)) return false
    // A digest: the token opens the connection and is kept nowhere.
    const key = connectionTokenDigest(connectionToken)
    if (!this.reported.has(key)) {
      if (this.reported.size >= REMEMBERED_CONNECTIONS) this.reported.delete(this.reported.values().next().value!)
      this.reported.add(key)
      this.log.warn({ status: MISDIRECTED_STATUS, ...request }, 'Hub request for a connection held by another instance: the load balancer is not sticky')
    }
    return true
  }
}
