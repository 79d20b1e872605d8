import type { ClientProxy, HubClients } from './hub'
import type { Audience, HubLifetimeManager } from './lifetime'

/** The audiences reachable without a calling connection: what services use to push events. */
export type ServerClients = Omit<HubClients, 'caller' | 'others' | 'othersInGroup'> & {
  /** Any audience the lifetime manager understands, such as a union delivered once per connection. */
  audience(audience: Audience): ClientProxy
}

/** A proxy that hands each message for `audience` to the lifetime manager. */
export function audienceProxy(lifetime: HubLifetimeManager, audience: Audience): ClientProxy {
  return { send: (method, ...args) => lifetime.send(audience, method, args) }
}

export function createServerClients(lifetime: HubLifetimeManager): ServerClients {
  const to = (audience: Audience) => audienceProxy(lifetime, audience)
  return {
    all: to({ kind: 'all' }),
    allExcept: connectionIds => to({ kind: 'all', except: connectionIds }),
    client: connectionId => to({ kind: 'connections', connectionIds: [connectionId] }),
    clients: connectionIds => to({ kind: 'connections', connectionIds }),
    group: name => to({ kind: 'groups', groups: [name] }),
    groups: names => to({ kind: 'groups', groups: names }),
    groupExcept: (name, connectionIds) => to({ kind: 'groups', groups: [name], except: connectionIds }),
    user: userId => to({ kind: 'users', userIds: [userId] }),
    users: userIds => to({ kind: 'users', userIds }),
    audience: to,
  }
}
