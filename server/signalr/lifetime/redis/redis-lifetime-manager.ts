import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { HubConnection } from '../../connection/hub-connection'
import { MessageType } from '../../protocol'
import type { Audience, HubLifetimeManager } from '../lifetime-manager'
import { LocalConnections } from '../local-connections'
import type { PrincipalPattern } from '../principal-pattern'
import { CachedMessage } from '../serialized-message'
import { BackplaneChannels } from './backplane-channels'
import { decodeBackplaneMessage, encodeBackplaneMessage, type BackplaneMessage } from './backplane-messages'
import { ChannelSubscriptions } from './channel-subscriptions'
import { PendingAcks } from './pending-acks'
import { RedisConnectionOwnership } from './redis-connection-ownership'

export interface RedisHubLifetimeManagerOptions {
  /** Publishes; the manager owns it and quits it on close. */
  publisher: Redis
  /** A second connection, used only to subscribe (Redis reserves a subscribing connection for that). */
  subscriber: Redis
  /** Starts every channel name: instances of one hub share it, other hubs and deployments do not. */
  channelPrefix: string
  /** How long a group change sent to another instance may wait for its acknowledgement. */
  ackTimeoutMs?: number
  /** Hears of what failed without a caller to tell: a publish while Redis was away, an unreadable message. */
  onError?: (error: unknown, what: string) => void
}

/**
 * Groups and users across instances over Redis pub/sub, after ASP.NET Core's RedisHubLifetimeManager.
 * Each instance knows only its own connections and their groups (in memory) and subscribes to the
 * channels of the groups, users and connections it holds; a send is published once to the channel
 * of its audience and each receiving instance delivers it to its own members, encoding it once per
 * hub protocol. Nothing about membership is stored in Redis, so an instance that dies takes its
 * members with it: its subscriptions end with its connection and nobody else ever counted them.
 */
export class RedisHubLifetimeManager implements HubLifetimeManager {
  readonly instanceId = randomUUID()
  readonly ownership: RedisConnectionOwnership
  private readonly local = new LocalConnections()
  private readonly channels: BackplaneChannels
  private readonly subscriptions: ChannelSubscriptions
  private readonly acks: PendingAcks
  private readonly publisher: Redis
  private readonly subscriber: Redis
  private readonly reportError: (error: unknown, what: string) => void
  private readonly ready: Promise<void>
  private closed = false

  constructor(options: RedisHubLifetimeManagerOptions) {
    this.publisher = options.publisher
    this.subscriber = options.subscriber
    this.channels = new BackplaneChannels(options.channelPrefix)
    this.subscriptions = new ChannelSubscriptions(this.subscriber)
    this.acks = new PendingAcks(options.ackTimeoutMs ?? 5_000)
    this.reportError = options.onError ?? (() => {})
    this.subscriber.on('messageBuffer', (_channel: Buffer, message: Buffer) => this.receive(message))
    this.ready = Promise.all([
      this.subscriptions.subscribe(this.channels.all),
      this.subscriptions.subscribe(this.channels.commands),
      this.subscriptions.subscribe(this.channels.acks(this.instanceId)),
    ]).then(() => undefined)
    // Until a connection waits for it, a failed start is only reported: the next connect tries again.
    this.ready.catch(error => this.reportError(error, 'subscribing to the backplane'))
    this.ownership = new RedisConnectionOwnership(this.publisher, this.subscriptions, this.channels, this.ready, this.reportError)
  }

  /**
   * As with ASP.NET Core, the client hears the handshake answer before this resolves: sends to all
   * reach the connection at once, sends to its user or id from other instances once its channels are
   * subscribed (one Redis round trip). Its hub method calls wait for this, so after its first call
   * every send reaches it.
   */
  async onConnected(connection: HubConnection): Promise<void> {
    this.local.add(connection)
    await this.ready
    await Promise.all([
      this.subscriptions.subscribe(this.channels.connection(connection.connectionId)),
      this.subscriptions.subscribe(this.channels.user(connection.userId)),
    ])
  }

  async onDisconnected(connection: HubConnection): Promise<void> {
    const { emptiedGroups, userGone } = this.local.remove(connection)
    const left = [this.channels.connection(connection.connectionId), ...emptiedGroups.map(group => this.channels.group(group))]
    if (userGone) left.push(this.channels.user(connection.userId))
    await Promise.all(left.map(channel => this.subscriptions.unsubscribe(channel))).catch(error => this.reportError(error, 'unsubscribing'))
  }

  async addToGroup(connectionId: string, group: string): Promise<void> {
    const connection = this.local.get(connectionId)
    if (!connection) return this.changeRemoteGroup('add', connectionId, group)
    this.local.addToGroup(connection, group)
    await this.subscriptions.subscribe(this.channels.group(group))
  }

  async removeFromGroup(connectionId: string, group: string): Promise<void> {
    const connection = this.local.get(connectionId)
    if (!connection) return this.changeRemoteGroup('remove', connectionId, group)
    if (this.local.removeFromGroup(connection, group)) await this.subscriptions.unsubscribe(this.channels.group(group))
  }

  async send(audience: Audience, method: string, args: readonly unknown[]): Promise<void> {
    if (audience.kind === 'connections') return this.sendToConnections(audience.connectionIds, method, args)
    await this.publish(channelOf(audience, this.channels), { type: 'invoke', audience, target: method, args: [...args] })
  }

  async closeConnections(patterns: readonly PrincipalPattern[], error?: string): Promise<void> {
    this.closeLocal(patterns, error)
    await this.publish(this.channels.commands, { type: 'close', patterns: [...patterns], error })
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.acks.failAll(new Error('The hub is shutting down'))
    this.local.clear()
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()])
  }

  /**
   * A connection held here is written to at once, as ASP.NET Core does (its clients are sticky);
   * one connection elsewhere is reached on its own channel, several through every instance.
   */
  private async sendToConnections(connectionIds: readonly string[], method: string, args: readonly unknown[]): Promise<void> {
    const remote = [...new Set(connectionIds)].filter(id => !this.local.get(id))
    const here = connectionIds.length > remote.length
    if (here) deliver(this.local.resolve({ kind: 'connections', connectionIds }), method, args)
    if (remote.length === 0) return
    const audience: Audience = { kind: 'connections', connectionIds: remote }
    const channel = remote.length === 1 ? this.channels.connection(remote[0]!) : this.channels.all
    await this.publish(channel, { type: 'invoke', audience, target: method, args: [...args] })
  }

  /** Asks the instance holding the connection to change its groups, and waits until it has. */
  private async changeRemoteGroup(action: 'add' | 'remove', connectionId: string, group: string): Promise<void> {
    const { id, acknowledged } = this.acks.create()
    const message: BackplaneMessage = { type: 'group', action, connectionId, group, replyTo: this.channels.acks(this.instanceId), ackId: id }
    // Nobody listens on the connection's channel: it is not open anywhere, which is no error (as in memory).
    const listeners = await this.publisher.publish(this.channels.connection(connectionId), encodeBackplaneMessage(message))
    if (listeners === 0) this.acks.release(id)
    await acknowledged
  }

  private async publish(channel: string, message: BackplaneMessage): Promise<void> {
    try {
      await this.publisher.publish(channel, encodeBackplaneMessage(message))
    }
    catch (error) {
      // Pub/sub keeps nothing for later: a message Redis did not take is lost, and said so in the log.
      this.reportError(error, 'publishing to the backplane')
    }
  }

  private receive(bytes: Buffer): void {
    let message: BackplaneMessage
    try {
      message = decodeBackplaneMessage(bytes)
    }
    catch (error) {
      return this.reportError(error, 'reading a backplane message')
    }
    switch (message.type) {
      case 'invoke':
        return deliver(this.local.resolve(message.audience), message.target, message.args)
      case 'group':
        return void this.applyGroupChange(message)
      case 'ack':
        return this.acks.acknowledge(message.ackId)
      case 'close':
        return this.closeLocal(message.patterns, message.error)
    }
  }

  private async applyGroupChange(message: Extract<BackplaneMessage, { type: 'group' }>): Promise<void> {
    try {
      if (message.action === 'add') await this.addToGroup(message.connectionId, message.group)
      else await this.removeFromGroup(message.connectionId, message.group)
    }
    catch (error) {
      this.reportError(error, 'changing a group for another instance')
    }
    // Acknowledged even when the connection has gone meanwhile, so the asker does not wait in vain.
    await this.publish(message.replyTo, { type: 'ack', ackId: message.ackId })
  }

  private closeLocal(patterns: readonly PrincipalPattern[], error: string | undefined): void {
    for (const connection of this.local.matching(patterns)) connection.close(error)
  }
}

/** Encodes the invocation once per hub protocol for all of its local recipients. */
function deliver(connections: Iterable<HubConnection>, target: string, args: readonly unknown[]): void {
  let message: CachedMessage | undefined
  for (const connection of connections) {
    message ??= new CachedMessage({ type: MessageType.Invocation, target, arguments: [...args] })
    connection.sendSerialized(message)
  }
}

/**
 * One group or one user has a channel of its own, heard only by instances holding members. Any
 * other audience (several groups, a union) goes to every instance, which resolves it against its
 * own connections: each connection receives it once, however many of its parts it belongs to.
 */
function channelOf(audience: Audience, channels: BackplaneChannels): string {
  if (audience.kind === 'groups' && audience.groups.length === 1) return channels.group(audience.groups[0]!)
  if (audience.kind === 'users' && audience.userIds.length === 1) return channels.user(audience.userIds[0]!)
  return channels.all
}
