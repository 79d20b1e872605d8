import type { HubConnection } from '../connection/hub-connection'
import type { ConnectionOwnership } from './connection-ownership'
import type { PrincipalPattern } from './principal-pattern'

/** Who a message goes to. Exclusions are connection ids. */
export type Audience
  = | { kind: 'all', except?: readonly string[] }
    | { kind: 'connections', connectionIds: readonly string[] }
    | { kind: 'groups', groups: readonly string[], except?: readonly string[] }
    | { kind: 'users', userIds: readonly string[] }
  /** Everyone in any of the audiences, each connection once. */
    | { kind: 'union', audiences: readonly Audience[] }

/**
 * Tracks which connections exist, which groups they are in and which user they belong to,
 * and delivers invocations to an audience. Swapping the implementation (in-memory, Redis)
 * touches nothing else: connections and the dispatcher only see this interface. With several
 * instances, every method acts on the connections of all of them.
 */
export interface HubLifetimeManager {
  onConnected(connection: HubConnection): Promise<void>
  onDisconnected(connection: HubConnection): Promise<void>
  addToGroup(connectionId: string, group: string): Promise<void>
  removeFromGroup(connectionId: string, group: string): Promise<void>
  /** Resolves once the message is handed to the local transports and, with a backplane, to it. */
  send(audience: Audience, method: string, args: readonly unknown[]): Promise<void>
  /** Closes every connected connection whose principal matches one of `patterns`; `error` reaches its client. */
  closeConnections(patterns: readonly PrincipalPattern[], error?: string): Promise<void>
  close(): Promise<void>
  /** With several instances: tells an instance that a connection it does not know is held by another. */
  readonly ownership?: ConnectionOwnership
}
