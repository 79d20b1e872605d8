import { MessageType } from '../protocol'
import type { HubConnection } from '../connection/hub-connection'
import { CachedMessage } from './serialized-message'
import type { Audience, HubLifetimeManager } from './lifetime-manager'

/** Groups and users of one server process. */
export class InMemoryLifetimeManager implements HubLifetimeManager {
  private readonly connections = new Map<string, HubConnection>()
  private readonly groups = new Map<string, Set<HubConnection>>()
  private readonly users = new Map<string, Set<HubConnection>>()
  private readonly groupsOf = new Map<HubConnection, Set<string>>()

  async onConnected(connection: HubConnection): Promise<void> {
    this.connections.set(connection.connectionId, connection)
    addTo(this.users, connection.userId, connection)
  }

  async onDisconnected(connection: HubConnection): Promise<void> {
    this.connections.delete(connection.connectionId)
    removeFrom(this.users, connection.userId, connection)
    for (const group of this.groupsOf.get(connection) ?? []) removeFrom(this.groups, group, connection)
    this.groupsOf.delete(connection)
  }

  async addToGroup(connectionId: string, group: string): Promise<void> {
    const connection = this.connections.get(connectionId)
    if (!connection) return
    addTo(this.groups, group, connection)
    addTo(this.groupsOf, connection, group)
  }

  async removeFromGroup(connectionId: string, group: string): Promise<void> {
    const connection = this.connections.get(connectionId)
    if (!connection) return
    removeFrom(this.groups, group, connection)
    removeFrom(this.groupsOf, connection, group)
  }

  async send(audience: Audience, method: string, args: readonly unknown[]): Promise<void> {
    const message = new CachedMessage({ type: MessageType.Invocation, target: method, arguments: [...args] })
    for (const connection of this.resolve(audience)) connection.sendSerialized(message)
  }

  async close(): Promise<void> {
    this.connections.clear()
    this.groups.clear()
    this.users.clear()
    this.groupsOf.clear()
  }

  /** Every connection of the audience, once each even when it is in several of its groups. */
  private* resolve(audience: Audience): Iterable<HubConnection> {
    switch (audience.kind) {
      case 'all':
        yield* excluding(this.connections.values(), audience.except)
        return
      case 'connections':
        for (const id of new Set(audience.connectionIds)) {
          const connection = this.connections.get(id)
          if (connection) yield connection
        }
        return
      case 'groups':
        yield* excluding(union(audience.groups.map(group => this.groups.get(group))), audience.except)
        return
      case 'users':
        yield* union(audience.userIds.map(user => this.users.get(user)))
        return
      case 'union':
        yield* new Set(audience.audiences.flatMap(part => [...this.resolve(part)]))
        return
    }
  }
}

function addTo<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  let set = index.get(key)
  if (!set) index.set(key, set = new Set())
  set.add(value)
}

function removeFrom<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  const set = index.get(key)
  if (!set) return
  set.delete(value)
  if (set.size === 0) index.delete(key)
}

function union(sets: Array<Set<HubConnection> | undefined>): Iterable<HubConnection> {
  const present = sets.filter(set => set !== undefined)
  if (present.length === 1) return present[0]!
  return new Set(present.flatMap(set => [...set]))
}

function* excluding(connections: Iterable<HubConnection>, except: readonly string[] | undefined): Iterable<HubConnection> {
  if (!except || except.length === 0) {
    yield* connections
    return
  }
  const excluded = new Set(except)
  for (const connection of connections) {
    if (!excluded.has(connection.connectionId)) yield connection
  }
}
