export type { Audience, HubLifetimeManager } from './lifetime-manager'
export { InMemoryLifetimeManager } from './in-memory-lifetime-manager'
export { CachedMessage } from './serialized-message'
