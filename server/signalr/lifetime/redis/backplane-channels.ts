/**
 * The Redis channels of one hub, as ASP.NET Core's backplane lays them out: one every instance
 * hears, one per group, user and connection that an instance hears while it holds a member, and
 * one per instance for acknowledgements. Names are never parsed back, so any group name is safe.
 */
export class BackplaneChannels {
  readonly all: string
  readonly commands: string

  constructor(private readonly prefix: string) {
    this.all = `${prefix}:all`
    this.commands = `${prefix}:commands`
  }

  group(name: string): string {
    return `${this.prefix}:group:${name}`
  }

  user(userId: string): string {
    return `${this.prefix}:user:${userId}`
  }

  connection(connectionId: string): string {
    return `${this.prefix}:connection:${connectionId}`
  }

  /** Heard by the instance holding the connection whose token hashes to `tokenHash`; nothing is sent on it. */
  heldConnection(tokenHash: string): string {
    return `${this.prefix}:held:${tokenHash}`
  }

  acks(instanceId: string): string {
    return `${this.prefix}:ack:${instanceId}`
  }
}
