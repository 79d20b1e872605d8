import { z } from 'zod'
import { defineHub, hubMethod, hubStream, hubUpload, HubError } from '../../../server/signalr'

/** What the hub observed, for tests to assert on server-side effects. */
export const observed = {
  cancelledStreams: 0,
  disconnects: [] as Array<{ connectionId: string, error: string | undefined }>,
  /** What happened, in the order the server did it: `Mark` calls and requests to the test server's `/mark`. */
  marks: [] as string[],
  /** Calls that reached `WaitAtGate`. */
  gateEntries: 0,
}

/** Holds `WaitAtGate` calls until a test opens it. */
export const gate = {
  opened: Promise.resolve(),
  open: () => {},
  /** Closes the gate: calls wait from now until `open()`. */
  close() {
    this.opened = new Promise<void>((resolve) => {
      this.open = resolve
    })
  },
}

const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve) => {
  const timer = setTimeout(resolve, ms)
  signal?.addEventListener('abort', () => {
    clearTimeout(timer)
    resolve()
  }, { once: true })
})

/** A hub exercising everything the official clients' own functional tests cover. */
export const testHub = defineHub({
  methods: {
    Echo: hubMethod([z.string()], (_, message) => message),
    Add: hubMethod([z.number(), z.number()], (_, a, b) => a + b),
    EchoObject: hubMethod([z.unknown()], (_, value) => value),
    DoNothing: hubMethod([], () => {}),
    Mark: hubMethod([z.string()], (_, label) => {
      observed.marks.push(label)
    }),
    WaitAtGate: hubMethod([z.string()], async (_, value) => {
      observed.gateEntries++
      await gate.opened
      return value
    }),
    WhoAmI: hubMethod([], context => context.userId),
    Throw: hubMethod([], () => {
      throw new Error('secret internal detail')
    }),
    ThrowHubError: hubMethod([z.string()], (_, message) => {
      throw new HubError(message)
    }),
    Delay: hubMethod([z.number(), z.string()], async (_, ms, value) => {
      await sleep(ms)
      return value
    }),
    CallMeBack: hubMethod([z.string()], async (context, text) => {
      await context.clients.caller.send('CalledBack', text, { length: text.length })
    }),
    Broadcast: hubMethod([z.string()], (context, text) => context.clients.all.send('Broadcast', text)),
    JoinGroup: hubMethod([z.string()], (context, group) => context.groups.add(context.connectionId, group)),
    LeaveGroup: hubMethod([z.string()], (context, group) => context.groups.remove(context.connectionId, group)),
    SendToGroup: hubMethod([z.string(), z.string()], (context, group, text) => context.clients.group(group).send('GroupMessage', group, text)),
    SendToOthersInGroup: hubMethod([z.string(), z.string()], (context, group, text) => context.clients.othersInGroup(group).send('GroupMessage', group, text)),
    SendToUser: hubMethod([z.string(), z.string()], (context, user, text) => context.clients.user(user).send('UserMessage', text)),
    /** Sends `count` numbered messages to the caller without waiting. */
    Flood: hubMethod([z.number().int().min(0).max(100_000), z.number().int().min(0).max(30_000)], (context, count, size) => {
      const padding = 'x'.repeat(size)
      for (let i = 0; i < count; i++) void context.clients.caller.send('Flood', i, padding)
    }),
    /** Sends `count` numbered Tick events to the caller, one every `intervalMs`, after returning. */
    StartTicks: hubMethod([z.number().int().min(0).max(10_000), z.number().int().min(1).max(1_000)], (context, count, intervalMs) => {
      void (async () => {
        for (let i = 0; i < count && !context.signal.aborted; i++) {
          await context.clients.caller.send('Tick', i)
          await sleep(intervalMs)
        }
      })()
    }),
    Abort: hubMethod([], context => context.abort()),
    Counter: hubStream([z.number().int().min(0), z.number().int().min(0)], async function* (context, count, delayMs) {
      for (let i = 0; i < count; i++) {
        if (delayMs > 0) await sleep(delayMs, context.signal)
        yield i
      }
    }),
    Endless: hubStream([], async function* (context) {
      try {
        for (let i = 0; ; i++) {
          await sleep(20, context.signal)
          if (context.signal.aborted) return
          yield i
        }
      }
      finally {
        if (context.signal.aborted) observed.cancelledStreams++
      }
    }),
    FailingStream: hubStream([], async function* () {
      yield 1
      throw new HubError('the stream broke')
    }),
    Sum: hubUpload([], 1, async (_, numbers) => {
      let total = 0
      for await (const value of numbers) total += Number(value)
      return total
    }),
    Concat: hubUpload([z.string()], 2, async (_, separator, first, second) => {
      const parts: unknown[] = []
      for await (const value of first) parts.push(value)
      for await (const value of second) parts.push(value)
      return parts.join(separator)
    }),
  },
  onDisconnected(context, error) {
    observed.disconnects.push({ connectionId: context.connectionId, error })
  },
})
