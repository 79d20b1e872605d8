import type { Redis } from 'ioredis'
import { connectionTokenDigest, type ConnectionOwnership } from '../connection-ownership'
import type { BackplaneChannels } from './backplane-channels'
import type { ChannelSubscriptions } from './channel-subscriptions'

/**
 * The instance holding a connection subscribes to a channel named after it for as long as it knows
 * the connection; any other instance asks Redis how many listen there (`PUBSUB NUMSUB`), which costs
 * one round trip, sends no message and stores nothing: an instance that dies stops listening with its
 * Redis connection. The channel carries a hash of the connection token, never the token itself,
 * since anyone who can list Redis channels could otherwise present it.
 */
export class RedisConnectionOwnership implements ConnectionOwnership {
  constructor(
    private readonly publisher: Redis,
    private readonly subscriptions: ChannelSubscriptions,
    private readonly channels: BackplaneChannels,
    /** The backplane's first subscriptions: ioredis must not be sent another before they are confirmed. */
    private readonly ready: Promise<void>,
    private readonly reportError: (error: unknown, what: string) => void,
  ) {}

  async claim(connectionToken: string): Promise<void> {
    try {
      await this.ready
      await this.subscriptions.subscribe(this.channelOf(connectionToken))
    }
    catch (error) {
      // The connection still works where the load balancer keeps it; only the clear refusal elsewhere is lost.
      this.reportError(error, 'claiming a connection')
    }
  }

  release(connectionToken: string): void {
    this.subscriptions.unsubscribe(this.channelOf(connectionToken)).catch(error => this.reportError(error, 'releasing a connection'))
  }

  async claimedElsewhere(connectionToken: string): Promise<boolean> {
    try {
      const [, listeners] = await this.publisher.pubsub('NUMSUB', this.channelOf(connectionToken)) as [string, number]
      return Number(listeners) > 0
    }
    catch (error) {
      this.reportError(error, 'asking which instance holds a connection')
      return false
    }
  }

  private channelOf(connectionToken: string): string {
    return this.channels.heldConnection(connectionTokenDigest(connectionToken))
  }
}
