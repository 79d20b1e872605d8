import { createServer } from 'node:http'
import { Server } from 'socket.io'
import { BENCH } from '../config'
import { listenOnLoopback, serveCommands } from './broadcast-server'
import { socketIoBacklog } from './socketio-backlog'

/** socket.io 4 rooms, WebSocket transport only, no compression: what a Node developer would pick. */
const http = createServer()
const io = new Server(http, {
  transports: ['websocket'],
  perMessageDeflate: false,
  httpCompression: false,
  serveClient: false,
})

io.on('connection', (socket) => {
  socket.on('join', (room: string, ack: () => void) => {
    void socket.join(room)
    ack()
  })
})

serveCommands({
  port: await listenOnLoopback(http),
  broadcast: payload => io.to(BENCH.group).emit('tick', payload),
  backlog() {
    let pending = 0
    for (const socket of io.of('/').sockets.values()) pending += socketIoBacklog(socket)
    return pending
  },
  connections: () => io.of('/').sockets.size,
})
