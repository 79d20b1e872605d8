import { closeSync, openSync, readSync } from 'node:fs'

/** How many connections waited to be accepted by the server's listening socket during the burst. */
export interface AcceptQueue {
  /** The most connections waiting at once; null where the kernel does not say (not Linux). */
  max: number | null
  /** For how long any connection waited, summed over the samples. */
  nonEmptyMs: number
}

const SAMPLE_EVERY_MS = 10
/** A socket listening (`st` 0A) on `port`, in /proc/net/tcp's hexadecimal `address:port` notation. */
const LISTEN_STATE = '0A'

/**
 * The kernel's accept queue of the server's listening socket, sampled every 10 ms: its `rx_queue` in
 * /proc/net/tcp counts connections the handshake completed and the server has not accepted yet.
 * Node 20's libuv (1.46) accepts one connection per turn of the event loop (under strace, one
 * `accept4` per `epoll_pwait`, never run until EAGAIN), so when a burst opens many connections at
 * once, a request on a new connection waits here, before the server sees it at all, for as many
 * turns as there are connections ahead of it.
 */
export function sampleAcceptQueue(port: number): { stop: () => AcceptQueue } {
  const figures: AcceptQueue = { max: null, nonEmptyMs: 0 }
  const portHex = port.toString(16).toUpperCase().padStart(4, '0')
  const sample = () => {
    const waiting = listeningQueue(portHex)
    if (waiting === null) return
    figures.max = Math.max(figures.max ?? 0, waiting)
    if (waiting > 0) figures.nonEmptyMs += SAMPLE_EVERY_MS
  }
  const timer = setInterval(sample, SAMPLE_EVERY_MS)
  return {
    stop: () => {
      clearInterval(timer)
      return figures
    },
  }
}

/** Bytes read from /proc/net/tcp at a time: the listening sockets' lines fit in the first read or two. */
const READ_BYTES = 16 * 1024
/** One buffer for every sample, taken every 10 ms. */
const readBuffer = Buffer.alloc(READ_BYTES)

/**
 * The listening socket's `rx_queue`, reading /proc/net/tcp only as far as the listening sockets go.
 * The kernel lists them first, then every other socket, those in TIME_WAIT included, and writes the
 * table as it is read: reading it whole cost 18 ms with 7,700 sockets (as after the hub benchmark's
 * 10,000 connections closed), every 10 ms, in the process taking the figures.
 */
function listeningQueue(portHex: string): number | null {
  let fd: number
  try {
    fd = openSync('/proc/net/tcp', 'r')
  }
  catch {
    return null
  }
  try {
    let pending = ''
    let header = true
    for (;;) {
      const read = readSync(fd, readBuffer, 0, READ_BYTES, null)
      if (read === 0) return null
      const lines = (pending + readBuffer.toString('latin1', 0, read)).split('\n')
      pending = lines.pop()!
      for (const line of lines) {
        if (header) {
          header = false
          continue
        }
        const [, local, , state, queues] = line.trim().split(/\s+/)
        if (state !== LISTEN_STATE) return null
        if (local?.endsWith(`:${portHex}`)) return Number.parseInt(queues!.split(':')[1]!, 16)
      }
    }
  }
  finally {
    closeSync(fd)
  }
}
