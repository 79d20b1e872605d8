/**
 * A SignalR server, wire-compatible with ASP.NET Core SignalR, that knows nothing of
 * what it carries. Layers, each replaceable on its own:
 *   protocol/   encode and decode hub messages (json, messagepack) and the handshake
 *   transports/ move frames (WebSockets, Server-Sent Events, long polling)
 *   connection/ one client's connection: handshake, liveness, stateful reconnect
 *   dispatcher/ run hub methods for invocations, streams and uploads
 *   lifetime/   groups, users and delivery (in-memory; a backplane implements the same interface)
 */
export { HubEndpoint, type HubEndpointOptions, type ConnectionAdmission, type ConnectionRefusal } from './endpoint'
export { defineHubHandlers } from './h3'
export { defineHub, hubMethod, hubStream, hubUpload, HubError } from './hub'
export type { HubCallContext, HubClients, ClientProxy, HubDefinition, ArgumentSchema, HubFilter, HubInvocationContext } from './hub'
export type { Authenticator } from './auth'
export type { Principal, HubConnection } from './connection/hub-connection'
export type { HubLifetimeManager, Audience } from './lifetime'
export { InMemoryLifetimeManager } from './lifetime'
export type { HubServerOptions } from './options'
export type { HubLogger, HubMetrics, ConnectionTrouble } from './diagnostics'
export { silentHubLogger, uncountedHubMetrics } from './diagnostics'
export { DEFAULT_HUB_SERVER_OPTIONS } from './options'
