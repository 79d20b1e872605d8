import { createServer } from 'node:http'
import { WebSocketServer, type WebSocket } from 'ws'
import { BENCH } from '../config'
import { listenOnLoopback, serveCommands } from './broadcast-server'

/**
 * The floor: a bare `ws` server keeping its room in a Set. A broadcast serialises the payload
 * once and hands the same Buffer to every socket, as ws's own broadcast example does.
 */
const room = new Set<WebSocket>()
const http = createServer()
const wss = new WebSocketServer({ server: http, perMessageDeflate: false })

wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    if (String(data) !== `join:${BENCH.group}`) return
    room.add(socket)
    socket.send('joined')
  })
  socket.on('close', () => room.delete(socket))
})

serveCommands({
  port: await listenOnLoopback(http),
  broadcast(payload) {
    const frame = Buffer.from(JSON.stringify(payload))
    for (const socket of room) socket.send(frame, { binary: false })
  },
  backlog() {
    let bytes = 0
    for (const socket of room) bytes += socket.bufferedAmount
    return bytes
  },
  connections: () => wss.clients.size,
})
