import type { HubConnection } from '../connection/hub-connection'
import type { HubLifetimeManager } from '../lifetime'
import type { HubCallContext, HubClients } from '../hub'
import { MessageType } from '../protocol'
import { audienceProxy, createServerClients } from '../server-clients'

/** Every audience a hub method can address, including those relative to the caller. */
export function createHubClients(caller: HubConnection, lifetime: HubLifetimeManager): HubClients {
  return {
    ...createServerClients(lifetime),
    caller: {
      send: async (method, ...args) => caller.send({ type: MessageType.Invocation, target: method, arguments: args }),
    },
    others: audienceProxy(lifetime, { kind: 'all', except: [caller.connectionId] }),
    othersInGroup: name => audienceProxy(lifetime, { kind: 'groups', groups: [name], except: [caller.connectionId] }),
  }
}

export function createCallContext(connection: HubConnection, lifetime: HubLifetimeManager, signal: AbortSignal = connection.closed.signal): HubCallContext {
  return {
    connectionId: connection.connectionId,
    userId: connection.userId,
    principal: connection.principal,
    items: connection.items,
    signal,
    clients: createHubClients(connection, lifetime),
    groups: {
      add: (connectionId, group) => lifetime.addToGroup(connectionId, group),
      remove: (connectionId, group) => lifetime.removeFromGroup(connectionId, group),
    },
    abort: () => connection.close(),
  }
}
