import { WebSocket } from 'ws'
import { BENCH, type ServerKind } from '../config'
import { monotonicMs } from '../clock'
import { exitWithParent, toParent, type SubscriberCommand } from '../ipc'
import { DIALECTS } from './dialects'
import { Inbox } from './inbox'
import { PhaseTracker } from './phase-tracker'

/**
 * One process holding every subscriber of a scenario: it connects them all, joins them to the
 * group, then counts what arrives for each phase the runner announces.
 * Usage: subscribers.ts <ws|socket.io|hub> <port> <count> [first index]; several processes on one
 * server number their subscribers apart, so each subscriber is a user of its own.
 */
const [kind, port, count, firstIndex] = [process.argv[2] as ServerKind, Number(process.argv[3]), Number(process.argv[4]), Number(process.argv[5] ?? 0)]
const dialect = DIALECTS[kind]
const JOIN_TIMEOUT_MS = 15_000

let phase: PhaseTracker | null = null
let closedUnexpectedly = 0

exitWithParent()

function connect(index: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const socket = new WebSocket(dialect.url(port, index), { perMessageDeflate: false, handshakeTimeout: JOIN_TIMEOUT_MS })
    const inbox = new Inbox(socket)
    // Once joined these are no-ops; before, they fail this connection instead of hanging it.
    socket.on('error', reject)
    socket.once('close', () => reject(new Error('closed before joining')))
    socket.once('open', () => {
      dialect.join(socket, inbox, BENCH.group, JOIN_TIMEOUT_MS).then(() => {
        inbox.close()
        socket.on('message', (data) => {
          const arrivedAt = monotonicMs()
          const payload = dialect.decode(String(data), socket)
          if (payload) phase?.record(payload, arrivedAt)
        })
        socket.on('close', () => closedUnexpectedly++)
        resolve()
      }, reject)
    })
  })
}

/** Opens `count` connections, `BENCH.connectConcurrency` at a time. */
async function connectAll(): Promise<{ connected: number, failed: number, firstError?: string }> {
  let next = 0
  let connected = 0
  let failed = 0
  let firstError: string | undefined
  const worker = async () => {
    while (next < count) {
      const index = next++
      try {
        await connect(firstIndex + index)
        connected++
      }
      catch (error) {
        failed++
        firstError ??= String(error)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(count, BENCH.connectConcurrency) }, worker))
  return { connected, failed, firstError }
}

process.on('message', (command: SubscriberCommand) => {
  phase = new PhaseTracker(command.phase, command.perConnection * count, command.recordLatency, command.keepLatencies ?? false, command.timeoutMs, (result) => {
    if (closedUnexpectedly > 0) console.error(`subscribers: ${closedUnexpectedly} connections closed by the ${kind} server`)
    toParent(result)
  })
  toParent({ type: 'expecting', phase: command.phase })
})

toParent({ type: 'ready', ...await connectAll() })
