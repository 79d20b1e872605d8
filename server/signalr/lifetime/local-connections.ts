import type { HubConnection } from '../connection/hub-connection'
import type { Audience } from './lifetime-manager'
import { matchesAnyPattern, type PrincipalPattern } from './principal-pattern'

/**
 * The connections of this process, their groups and users. Both lifetime managers keep their
 * connections here: a backplane only adds a way to reach the other instances' indexes.
 */
export class LocalConnections {
  private readonly connections = new Map<string, HubConnection>()
  private readonly groups = new Map<string, Set<HubConnection>>()
  private readonly users = new Map<string, Set<HubConnection>>()
  private readonly groupsOf = new Map<HubConnection, Set<string>>()

  get(connectionId: string): HubConnection | undefined {
    return this.connections.get(connectionId)
  }

  add(connection: HubConnection): void {
    this.connections.set(connection.connectionId, connection)
    addTo(this.users, connection.userId, connection)
  }

  /** Removes the connection and its memberships; says which groups, and whether its user, now have nobody here. */
  remove(connection: HubConnection): { emptiedGroups: string[], userGone: boolean } {
    if (this.connections.get(connection.connectionId) !== connection) return { emptiedGroups: [], userGone: false }
    this.connections.delete(connection.connectionId)
    const userGone = removeFrom(this.users, connection.userId, connection)
    const emptiedGroups = [...this.groupsOf.get(connection) ?? []].filter(group => removeFrom(this.groups, group, connection))
    this.groupsOf.delete(connection)
    return { emptiedGroups, userGone }
  }

  /** True when the group had no member here before. */
  addToGroup(connection: HubConnection, group: string): boolean {
    addTo(this.groupsOf, connection, group)
    return addTo(this.groups, group, connection)
  }

  /** True when the group has no member here any more. */
  removeFromGroup(connection: HubConnection, group: string): boolean {
    removeFrom(this.groupsOf, connection, group)
    return removeFrom(this.groups, group, connection)
  }

  hasGroup(group: string): boolean {
    return this.groups.has(group)
  }

  matching(patterns: readonly PrincipalPattern[]): HubConnection[] {
    return [...this.connections.values()].filter(connection => matchesAnyPattern(connection.principal, patterns))
  }

  clear(): void {
    this.connections.clear()
    this.groups.clear()
    this.users.clear()
    this.groupsOf.clear()
  }

  /**
   * Every connection of the audience here, once each even when it is in several of its groups.
   * A single group or user is its member set itself, with no copy or generator between it and the
   * sender: a broadcast's cost per recipient is what the send itself takes.
   */
  resolve(audience: Audience): Iterable<HubConnection> {
    switch (audience.kind) {
      case 'all':
        return excluding(this.connections.values(), audience.except)
      case 'connections': {
        const found: HubConnection[] = []
        for (const id of new Set(audience.connectionIds)) {
          const connection = this.connections.get(id)
          if (connection) found.push(connection)
        }
        return found
      }
      case 'groups':
        return excluding(union(audience.groups.map(group => this.groups.get(group))), audience.except)
      case 'users':
        return union(audience.userIds.map(user => this.users.get(user)))
      case 'union':
        return new Set(audience.audiences.flatMap(part => [...this.resolve(part)]))
    }
  }
}

/** True when `key` had no entry before. */
function addTo<K, V>(index: Map<K, Set<V>>, key: K, value: V): boolean {
  const set = index.get(key)
  if (set) {
    set.add(value)
    return false
  }
  index.set(key, new Set([value]))
  return true
}

/** True when `key` has no entry any more (it had one). */
function removeFrom<K, V>(index: Map<K, Set<V>>, key: K, value: V): boolean {
  const set = index.get(key)
  if (!set || !set.delete(value)) return false
  if (set.size > 0) return false
  index.delete(key)
  return true
}

function union(sets: Array<Set<HubConnection> | undefined>): Iterable<HubConnection> {
  const present = sets.filter(set => set !== undefined)
  if (present.length === 1) return present[0]!
  return new Set(present.flatMap(set => [...set]))
}

function excluding(connections: Iterable<HubConnection>, except: readonly string[] | undefined): Iterable<HubConnection> {
  if (!except || except.length === 0) return connections
  const excluded = new Set(except)
  return [...connections].filter(connection => !excluded.has(connection.connectionId))
}
