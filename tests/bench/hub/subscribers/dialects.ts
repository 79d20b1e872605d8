import type { WebSocket } from 'ws'
import type { ServerKind } from '../config'
import type { BenchPayload } from '../payload'
import type { Inbox } from './inbox'

/**
 * How a raw `ws` client speaks to each server. All three subscribers are the same ws client
 * doing one JSON.parse per message; only the few string operations around it differ.
 */
export interface Dialect {
  url(port: number, index: number): string
  /** Completes the server's handshake and joins the group; resolves once the server confirmed. */
  join(socket: WebSocket, inbox: Inbox, group: string, timeoutMs: number): Promise<void>
  /** The benchmark payload in a text message, or null for anything else (answering pings on the way). */
  decode(text: string, socket: WebSocket): BenchPayload | null
}

const RS = '\u001e'

const bareWs: Dialect = {
  url: port => `ws://127.0.0.1:${port}/`,
  async join(socket, inbox, group, timeoutMs) {
    socket.send(`join:${group}`)
    expect(await inbox.next(timeoutMs), 'joined')
  },
  decode: text => JSON.parse(text) as BenchPayload,
}

/** SignalR's JSON protocol with skipNegotiation, as the official client does it. */
const signalR: Dialect = {
  url: (port, index) => `ws://127.0.0.1:${port}/hubs/bench?access_token=subscriber-${index}`,
  async join(socket, inbox, group, timeoutMs) {
    socket.send(`{"protocol":"json","version":1}${RS}`)
    expect(await inbox.next(timeoutMs), `{}${RS}`)
    socket.send(JSON.stringify({ type: 1, invocationId: '1', target: 'JoinGroup', arguments: [group] }) + RS)
    // Pings may come first; the completion must still arrive within the one deadline.
    const deadline = Date.now() + timeoutMs
    for (;;) {
      for (const record of (await inbox.next(Math.max(0, deadline - Date.now()))).split(RS)) {
        if (!record) continue
        const message = JSON.parse(record) as { type: number, invocationId?: string, error?: string }
        if (message.type !== 3 || message.invocationId !== '1') continue
        if (message.error) throw new Error(`JoinGroup failed: ${message.error}`)
        return
      }
    }
  },
  decode(text) {
    // The server sends one record per WebSocket message; pings (type 6) and others are skipped.
    let payload: BenchPayload | null = null
    for (let start = 0, end = text.indexOf(RS); end !== -1; start = end + 1, end = text.indexOf(RS, start)) {
      const message = JSON.parse(text.slice(start, end)) as { type: number, target?: string, arguments?: unknown[] }
      if (message.type === 1 && message.target === 'tick') payload = message.arguments![0] as BenchPayload
    }
    return payload
  },
}

/**
 * engine.io 4 over a raw WebSocket, which is exactly what socket.io-client sends with
 * transports: ['websocket']; without its parser and event emitter the subscriber costs the same as the others.
 */
const socketIo: Dialect = {
  url: port => `ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`,
  async join(socket, inbox, group, timeoutMs) {
    expectPrefix(await inbox.next(timeoutMs), '0{') // engine.io open
    socket.send('40') // connect to the main namespace
    expectPrefix(await inbox.next(timeoutMs), '40')
    socket.send(`420${JSON.stringify(['join', group])}`) // event with ack id 0
    expect(await inbox.next(timeoutMs), '430[]')
  },
  decode(text, socket) {
    if (text.startsWith('42')) return (JSON.parse(text.slice(2)) as [string, BenchPayload])[1]
    if (text === '2') socket.send('3') // engine.io ping → pong, or the server drops us
    return null
  },
}

export const DIALECTS: Record<ServerKind, Dialect> = { 'ws': bareWs, 'socket.io': socketIo, 'hub': signalR }

function expect(actual: string, wanted: string): void {
  if (actual !== wanted) throw new Error(`expected ${JSON.stringify(wanted)}, got ${JSON.stringify(actual.slice(0, 200))}`)
}

function expectPrefix(actual: string, prefix: string): void {
  if (!actual.startsWith(prefix)) throw new Error(`expected ${JSON.stringify(prefix)}…, got ${JSON.stringify(actual.slice(0, 200))}`)
}
