import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setImmediate as yieldToEventLoop, setTimeout as sleep } from 'node:timers/promises'
import { BENCH } from '../config'
import { monotonicMs } from '../clock'
import { exitWithParent, toParent, type ServerCommand, type ServerReport } from '../ipc'
import { makePayload, type BenchPayload } from '../payload'

/** What each server under test provides; the commands below are the same for all of them. */
export interface BroadcastServer {
  port: number
  /** One broadcast to the benchmark's group/room, the way that server's users would send it. */
  broadcast(payload: BenchPayload): void
  /** What was accepted for sending but not yet handed to the kernel, over all connections; 0 when drained. */
  backlog(): number
  connections(): number
}

/** A drain that takes longer than this means a stuck client; it is counted, not waited for forever. */
const DRAIN_LIMIT_MS = 10_000

export async function listenOnLoopback(server: Server): Promise<number> {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', 1024, resolve))
  return (server.address() as AddressInfo).port
}

/** Obeys the runner's commands over IPC, so every server is driven by the same code. */
export function serveCommands(server: BroadcastServer): void {
  exitWithParent()
  process.on('message', (command: ServerCommand) => {
    run(server, command).then(toParent, (error: unknown) => {
      console.error(error)
      process.exit(1)
    })
  })
  toParent({ type: 'listening', port: server.port })
}

async function run(server: BroadcastServer, command: ServerCommand): Promise<ServerReport> {
  switch (command.type) {
    case 'burst': return burst(server, command.phase, command.count, command.batch)
    case 'rate': return rate(server, command.phase, command.count, command.perSecond)
    case 'memory': return memory(server)
  }
}

/** Broadcasts in batches, waiting after each until every socket's send buffer is empty. */
async function burst(server: BroadcastServer, phase: string, count: number, batch: number): Promise<ServerReport> {
  const started = monotonicMs()
  const cpu = process.cpuUsage()
  let drainTimeouts = 0
  for (let sent = 0; sent < count;) {
    const end = Math.min(count, sent + batch)
    for (; sent < end; sent++) server.broadcast(makePayload(phase, sent, BENCH.payloadBytes))
    if (!await drained(server)) drainTimeouts++
  }
  const used = process.cpuUsage(cpu)
  return { type: 'burst-sent', elapsedMs: monotonicMs() - started, cpuMs: (used.user + used.system) / 1000, drainTimeouts }
}

async function drained(server: BroadcastServer): Promise<boolean> {
  // Always yield once: write callbacks (socket.io's flushes depend on them) must get to run.
  await yieldToEventLoop()
  const deadline = monotonicMs() + DRAIN_LIMIT_MS
  // Then sleep rather than spin: on two cores a busy server would steal the subscribers' CPU.
  while (server.backlog() > 0) {
    if (monotonicMs() > deadline) return false
    await sleep(1)
  }
  return true
}

/** Broadcasts on a fixed schedule; each payload is stamped when it is actually sent. */
async function rate(server: BroadcastServer, phase: string, count: number, perSecond: number): Promise<ServerReport> {
  const intervalMs = 1000 / perSecond
  const start = monotonicMs()
  let lateMs = 0
  for (let i = 0; i < count; i++) {
    const due = start + i * intervalMs
    const wait = due - monotonicMs()
    if (wait > 0) await sleep(wait)
    lateMs = Math.max(lateMs, monotonicMs() - due)
    server.broadcast(makePayload(phase, i, BENCH.payloadBytes))
  }
  return { type: 'rate-sent', lateMs }
}

/** RSS after full collections, so garbage from connecting does not count as what connections hold. */
async function memory(server: BroadcastServer): Promise<ServerReport> {
  const gc = globalThis.gc
  if (!gc) throw new Error('Start the server with --expose-gc')
  for (let i = 0; i < 3; i++) {
    gc()
    await yieldToEventLoop()
  }
  const usage = process.memoryUsage()
  return { type: 'memory', rssBytes: usage.rss, heapUsedBytes: usage.heapUsed, connections: server.connections() }
}
