import type { Redis } from 'ioredis'

/**
 * The channels one subscriber connection listens to. Subscribing to a channel already asked for
 * waits for the same confirmation, so a second group member is not told "joined" before the
 * first member's subscription is in place. Commands go out in call order on one connection, so
 * an unsubscribe followed by a subscribe always ends subscribed.
 */
export class ChannelSubscriptions {
  private readonly subscribed = new Map<string, Promise<void>>()

  constructor(private readonly subscriber: Redis) {}

  subscribe(channel: string): Promise<void> {
    let confirmed = this.subscribed.get(channel)
    if (!confirmed) {
      confirmed = this.subscriber.subscribe(channel).then(() => undefined)
      this.subscribed.set(channel, confirmed)
    }
    return confirmed
  }

  unsubscribe(channel: string): Promise<void> {
    if (!this.subscribed.delete(channel)) return Promise.resolve()
    return this.subscriber.unsubscribe(channel).then(() => undefined)
  }
}
