import { MessageType } from '../protocol'
import type { HubConnection } from '../connection/hub-connection'
import { CachedMessage } from './serialized-message'
import { LocalConnections } from './local-connections'
import type { Audience, HubLifetimeManager } from './lifetime-manager'
import type { PrincipalPattern } from './principal-pattern'

/** Groups and users of one server process. */
export class InMemoryLifetimeManager implements HubLifetimeManager {
  private readonly local = new LocalConnections()

  async onConnected(connection: HubConnection): Promise<void> {
    this.local.add(connection)
  }

  async onDisconnected(connection: HubConnection): Promise<void> {
    this.local.remove(connection)
  }

  async addToGroup(connectionId: string, group: string): Promise<void> {
    const connection = this.local.get(connectionId)
    if (connection) this.local.addToGroup(connection, group)
  }

  async removeFromGroup(connectionId: string, group: string): Promise<void> {
    const connection = this.local.get(connectionId)
    if (connection) this.local.removeFromGroup(connection, group)
  }

  async send(audience: Audience, method: string, args: readonly unknown[]): Promise<void> {
    const message = new CachedMessage({ type: MessageType.Invocation, target: method, arguments: [...args] })
    for (const connection of this.local.resolve(audience)) connection.sendSerialized(message)
  }

  async closeConnections(patterns: readonly PrincipalPattern[], error?: string): Promise<void> {
    for (const connection of this.local.matching(patterns)) connection.close(error)
  }

  async close(): Promise<void> {
    this.local.clear()
  }
}
