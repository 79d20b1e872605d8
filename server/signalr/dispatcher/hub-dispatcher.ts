import { randomUUID } from 'node:crypto'
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type { HubConnection } from '../connection/hub-connection'
import { silentHubLogger, type HubLogger } from '../diagnostics'
import { HubError, type HubCallContext, type HubDefinition, type HubFilter, type HubMethodDefinition } from '../hub'
import type { HubLifetimeManager } from '../lifetime'
import type { HubServerOptions } from '../options'
import {
  MessageType,
  type CompletionMessage, type HubMessage, type InvocationMessage, type StreamInvocationMessage,
} from '../protocol'
import { bindArguments } from './argument-binding'
import { createCallContext } from './call-context'
import { invocationErrors, describeFailure } from './invocation-errors'
import { UploadStream } from './upload-stream'

type Invocation = InvocationMessage | StreamInvocationMessage

/** Per-connection dispatch state: what is queued, running, streaming and uploading. */
class DispatchState {
  readonly inbox: HubMessage[] = []
  draining = false
  running = 0
  slotFreed: (() => void) | null = null
  readonly outgoingStreams = new Map<string, AbortController>()
  readonly uploads = new Map<string, UploadStream>()
  constructor(readonly ready: Promise<boolean>) {}
}

const ABORTED = Symbol('aborted')

/**
 * Runs hub methods for invocations, streams their results, feeds upload streams and
 * answers with ASP.NET Core's completion semantics. Messages of one connection are
 * handled in order; a client may have `maximumParallelInvocationsPerClient` ordinary
 * invocations running, and reading its further messages waits for a free slot. At most
 * `maximumQueuedMessagesPerClient` wait here: then the connection stops reading its client.
 * Between two messages of a connection the event loop gets a turn, so one busy client never
 * holds up the requests and connections of others.
 */
export class HubDispatcher {
  private readonly methods = new Map<string, { name: string, method: HubMethodDefinition }>()
  private readonly states = new WeakMap<HubConnection, DispatchState>()

  constructor(
    private readonly hub: HubDefinition,
    private readonly lifetime: HubLifetimeManager,
    private readonly options: HubServerOptions,
    private readonly filters: readonly HubFilter[] = [],
    private readonly log: HubLogger = silentHubLogger,
  ) {
    // Method names are matched without regard to case, as ASP.NET Core does.
    for (const [name, method] of Object.entries(hub.methods)) this.methods.set(name.toLowerCase(), { name, method })
  }

  connected(connection: HubConnection): void {
    const ready = this.runOnConnected(connection)
    this.states.set(connection, new DispatchState(ready))
  }

  /** Queues a message; false when the queue is full and the connection should stop reading. */
  message(connection: HubConnection, message: HubMessage): boolean {
    const state = this.states.get(connection)
    if (!state) return true
    state.inbox.push(message)
    if (!state.draining) void this.drain(connection, state)
    return state.inbox.length < this.options.maximumQueuedMessagesPerClient
  }

  async disconnected(connection: HubConnection, error: string | undefined): Promise<void> {
    const state = this.states.get(connection)
    if (!state) return
    for (const stream of state.outgoingStreams.values()) stream.abort()
    for (const upload of state.uploads.values()) upload.complete('The connection was closed.')
    state.inbox.length = 0
    const wasConnected = await state.ready
    await this.lifetime.onDisconnected(connection)
    if (wasConnected) await this.hub.onDisconnected?.(createCallContext(connection, this.lifetime), error)
  }

  private async runOnConnected(connection: HubConnection): Promise<boolean> {
    try {
      await this.lifetime.onConnected(connection)
      await this.hub.onConnected?.(createCallContext(connection, this.lifetime))
      return true
    }
    catch (error) {
      this.logFailure(connection, 'OnConnectedAsync', error)
      connection.close(describeFailure('Connection closed with an error.', error, this.options.enableDetailedErrors))
      return false
    }
  }

  private async drain(connection: HubConnection, state: DispatchState): Promise<void> {
    state.draining = true
    try {
      if (!await state.ready) return
      while (state.inbox.length > 0) {
        const message = state.inbox.shift()!
        // There is room in the queue again: the connection hands over what it held back, if anything.
        connection.resumeReceiving()
        if (message.type === MessageType.Invocation || message.type === MessageType.StreamInvocation) {
          await this.startInvocation(connection, state, message)
        }
        else {
          this.handleStreamMessage(state, message)
        }
        // Hub methods that finish in microtasks alone would otherwise keep everyone else waiting.
        await yieldToEventLoop()
      }
    }
    finally {
      state.draining = false
    }
  }

  private handleStreamMessage(state: DispatchState, message: HubMessage): void {
    switch (message.type) {
      case MessageType.StreamItem:
        state.uploads.get(message.invocationId)?.push(message.item)
        return
      case MessageType.Completion:
        state.uploads.get(message.invocationId)?.complete(message.error)
        state.uploads.delete(message.invocationId)
        return
      case MessageType.CancelInvocation:
        state.outgoingStreams.get(message.invocationId)?.abort()
        return
    }
  }

  private async startInvocation(connection: HubConnection, state: DispatchState, message: Invocation): Promise<void> {
    const found = this.methods.get(message.target.toLowerCase())
    const reply = (completion: Omit<CompletionMessage, 'type' | 'invocationId'>) => {
      if (message.invocationId) connection.send({ type: MessageType.Completion, invocationId: message.invocationId, ...completion })
    }
    if (!found) return reply({ error: invocationErrors.unknownMethod(message.target) })
    const { name, method } = found

    if (message.type === MessageType.Invocation && method.kind === 'stream') {
      return reply({ error: invocationErrors.streamingWithInvocation(name) })
    }
    if (message.type === MessageType.StreamInvocation && method.kind !== 'stream') {
      return reply({ error: invocationErrors.nonStreamingWithStreamInvocation(name) })
    }
    const streamIds = message.streamIds ?? []
    if (streamIds.length !== method.uploadStreams) {
      return reply({ error: invocationErrors.streamCountMismatch(name, streamIds.length, method.uploadStreams) })
    }
    const binding = bindArguments(method, message.arguments)
    if (!binding.ok) {
      return reply({ error: invocationErrors.bindingFailed(name, binding.reason, this.options.enableDetailedErrors) })
    }
    const uploads = streamIds.map((id) => {
      const upload = new UploadStream()
      state.uploads.set(id, upload)
      return upload
    })
    const args = [...binding.values, ...uploads]

    if (method.kind === 'stream') {
      void this.streamResults(connection, state, message.invocationId!, name, method, args)
      return
    }
    if (uploads.length > 0) {
      // Upload invocations wait on their streams; holding a slot would stall the items feeding them.
      void this.invoke(connection, name, method, args, reply).finally(() => this.endUploads(state, streamIds))
      return
    }
    await this.takeSlot(state)
    void this.invoke(connection, name, method, args, reply).finally(() => this.releaseSlot(state))
  }

  private async invoke(
    connection: HubConnection,
    name: string,
    method: HubMethodDefinition,
    args: unknown[],
    reply: (completion: Omit<CompletionMessage, 'type' | 'invocationId'>) => void,
  ): Promise<void> {
    try {
      const result = await this.callThroughFilters(createCallContext(connection, this.lifetime), name, method, args)
      // A method without a value still completes with `result: null`, as ASP.NET Core does.
      reply({ result: result ?? null })
    }
    catch (error) {
      this.logFailure(connection, name, error)
      reply({ error: invocationErrors.methodThrew(name, error, this.options.enableDetailedErrors) })
    }
  }

  private async streamResults(
    connection: HubConnection,
    state: DispatchState,
    invocationId: string,
    name: string,
    method: HubMethodDefinition,
    args: unknown[],
  ): Promise<void> {
    const complete = (error?: string) =>
      connection.send({ type: MessageType.Completion, invocationId, ...(error !== undefined && { error }) })
    if (state.outgoingStreams.has(invocationId)) return complete(invocationErrors.duplicateInvocationId(invocationId))

    const cancel = new AbortController()
    const signal = AbortSignal.any([cancel.signal, connection.closed.signal])
    state.outgoingStreams.set(invocationId, cancel)
    try {
      let iterable: unknown
      try {
        iterable = await this.callThroughFilters(createCallContext(connection, this.lifetime, signal), name, method, args)
      }
      catch (error) {
        this.logFailure(connection, name, error)
        return complete(invocationErrors.methodThrew(name, error, this.options.enableDetailedErrors))
      }
      if (!isAsyncIterable(iterable)) return complete(invocationErrors.notAStream(name))

      const iterator = iterable[Symbol.asyncIterator]()
      const aborted = new Promise<typeof ABORTED>(resolve => signal.addEventListener('abort', () => resolve(ABORTED), { once: true }))
      try {
        for (;;) {
          const next = await Promise.race([iterator.next(), aborted])
          if (next === ABORTED) {
            void iterator.return?.()?.catch(() => {})
            return complete()
          }
          if (next.done) return complete()
          connection.send({ type: MessageType.StreamItem, invocationId, item: next.value })
        }
      }
      catch (error) {
        if (!signal.aborted) this.logFailure(connection, name, error)
        complete(signal.aborted ? undefined : invocationErrors.streamFailed(error, this.options.enableDetailedErrors))
      }
    }
    finally {
      state.outgoingStreams.delete(invocationId)
    }
  }

  /**
   * A method that threw something other than a HubError (a refusal meant for the client) is a
   * fault: logged once with a correlation id to find it by. The client's text stays ASP.NET Core's.
   */
  private logFailure(connection: HubConnection, method: string, error: unknown): void {
    if (error instanceof HubError) return
    this.log.error({ correlationId: randomUUID(), method, connectionId: connection.connectionId, userId: connection.userId, error }, `Hub method ${method} threw`)
  }

  /** The method, wrapped by the filters: the first given is the outermost. */
  private callThroughFilters(context: HubCallContext, methodName: string, method: HubMethodDefinition, args: unknown[]): Promise<unknown> {
    const invocation = { context, methodName, arguments: args }
    const callMethod = async () => method.handler(context, ...(args as never[]))
    return this.filters.reduceRight<() => Promise<unknown>>(
      (next, filter) => () => filter.invokeMethod(invocation, next),
      callMethod,
    )()
  }

  private async takeSlot(state: DispatchState): Promise<void> {
    while (state.running >= this.options.maximumParallelInvocationsPerClient) {
      await new Promise<void>((resolve) => {
        state.slotFreed = resolve
      })
    }
    state.running++
  }

  private releaseSlot(state: DispatchState): void {
    state.running--
    const wake = state.slotFreed
    state.slotFreed = null
    wake?.()
  }

  /** Streams the method never read to the end are finished with it. */
  private endUploads(state: DispatchState, streamIds: string[]): void {
    for (const id of streamIds) {
      state.uploads.get(id)?.complete()
      state.uploads.delete(id)
    }
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value
}
