import type { HubConnection, Principal } from './connection/hub-connection'

/** Anything with zod's `safeParse` validates a hub method argument. */
export interface ArgumentSchema<T = unknown> {
  safeParse(value: unknown): { success: true, data: T } | { success: false, error: { message: string } }
}

type Infer<S> = S extends ArgumentSchema<infer T> ? T : never
type InferArguments<S extends readonly ArgumentSchema[]> = { -readonly [K in keyof S]: Infer<S[K]> }

/** Sends events to one audience; resolves once the messages are handed to the transports. */
export interface ClientProxy {
  send(method: string, ...args: unknown[]): Promise<void>
}

export interface HubClients {
  readonly all: ClientProxy
  readonly caller: ClientProxy
  readonly others: ClientProxy
  allExcept(connectionIds: string[]): ClientProxy
  client(connectionId: string): ClientProxy
  clients(connectionIds: string[]): ClientProxy
  group(name: string): ClientProxy
  groups(names: string[]): ClientProxy
  groupExcept(name: string, connectionIds: string[]): ClientProxy
  othersInGroup(name: string): ClientProxy
  user(userId: string): ClientProxy
  users(userIds: string[]): ClientProxy
}

export interface GroupManager {
  add(connectionId: string, group: string): Promise<void>
  remove(connectionId: string, group: string): Promise<void>
}

/** What a hub method sees of the call: who is calling, and ways to reach others. */
export interface HubCallContext {
  readonly connectionId: string
  readonly userId: string
  readonly principal: Principal
  readonly items: Map<string, unknown>
  /** Aborted when the connection closes, or (for a stream) when the client cancels it. */
  readonly signal: AbortSignal
  readonly clients: HubClients
  readonly groups: GroupManager
  /** Closes the caller's connection. */
  abort(): void
}

export interface HubMethodDefinition {
  readonly kind: 'invoke' | 'stream'
  readonly parameters: readonly ArgumentSchema[]
  /** Client-to-server streams the method takes, passed after its other arguments as async iterables. */
  readonly uploadStreams: number
  readonly handler: (context: HubCallContext, ...args: never[]) => unknown
}

export interface HubDefinition {
  readonly methods: Readonly<Record<string, HubMethodDefinition>>
  onConnected?(context: HubCallContext): void | Promise<void>
  onDisconnected?(context: HubCallContext, error: string | undefined): void | Promise<void>
}

/** One call of a hub method, as a filter sees it. */
export interface HubInvocationContext {
  readonly context: HubCallContext
  /** The method's name as the hub declares it (clients may use any case). */
  readonly methodName: string
  readonly arguments: readonly unknown[]
}

/**
 * Wraps every hub method call, as ASP.NET Core's IHubFilter does: it may refuse the call by
 * throwing (a HubError's message reaches the client), or do work around `next()`, which runs
 * the next filter and finally the method. Filters run in the order they are given.
 */
export interface HubFilter {
  invokeMethod(invocation: HubInvocationContext, next: () => Promise<unknown>): Promise<unknown>
}

/** An error whose message is meant for the client: it is sent as is, like ASP.NET Core's HubException. */
export class HubError extends Error {
  override name = 'HubException'
}

/** A method answered with one result (or none): `invoke` and `send` on the client. */
export function hubMethod<const S extends readonly ArgumentSchema[]>(
  parameters: S,
  handler: (context: HubCallContext, ...args: InferArguments<S>) => unknown,
): HubMethodDefinition {
  return { kind: 'invoke', parameters, uploadStreams: 0, handler: handler as HubMethodDefinition['handler'] }
}

/** A method that streams results to the client (`stream` on the client). */
export function hubStream<const S extends readonly ArgumentSchema[]>(
  parameters: S,
  handler: (context: HubCallContext, ...args: InferArguments<S>) => AsyncIterable<unknown> | Promise<AsyncIterable<unknown>>,
): HubMethodDefinition {
  return { kind: 'stream', parameters, uploadStreams: 0, handler: handler as HubMethodDefinition['handler'] }
}

/** A method that receives `streams` client-to-server streams after its other arguments. */
export function hubUpload<const S extends readonly ArgumentSchema[]>(
  parameters: S,
  streams: number,
  handler: (context: HubCallContext, ...args: [...InferArguments<S>, ...AsyncIterable<unknown>[]]) => unknown,
): HubMethodDefinition {
  return { kind: 'invoke', parameters, uploadStreams: streams, handler: handler as unknown as HubMethodDefinition['handler'] }
}

export function defineHub(definition: HubDefinition): HubDefinition {
  return definition
}

export type { HubConnection, Principal }
