import type { HubConnection } from '../connection/hub-connection'

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
 * touches nothing else: connections and the dispatcher only see this interface.
 */
export interface HubLifetimeManager {
  onConnected(connection: HubConnection): Promise<void>
  onDisconnected(connection: HubConnection): Promise<void>
  addToGroup(connectionId: string, group: string): Promise<void>
  removeFromGroup(connectionId: string, group: string): Promise<void>
  send(audience: Audience, method: string, args: readonly unknown[]): Promise<void>
  close(): Promise<void>
}
