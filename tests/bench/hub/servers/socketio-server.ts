import { createServer } from 'node:http'
import { Server, type Socket } from 'socket.io'
import { BENCH } from '../config'
import { listenOnLoopback, serveCommands } from './broadcast-server'

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

/** engine.io queues packets itself while a write is in flight, then ws buffers what the kernel refuses. */
function backlogOf(socket: Socket): number {
  const engine = socket.conn as unknown as { writeBuffer: unknown[], transport: { socket?: { bufferedAmount: number } } }
  return engine.writeBuffer.length + (engine.transport.socket?.bufferedAmount ?? 0)
}

serveCommands({
  port: await listenOnLoopback(http),
  broadcast: payload => io.to(BENCH.group).emit('tick', payload),
  backlog() {
    let pending = 0
    for (const socket of io.of('/').sockets.values()) pending += backlogOf(socket)
    return pending
  },
  connections: () => io.of('/').sockets.size,
})
