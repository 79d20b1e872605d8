import { createServer } from 'node:http'
import { Server, type ServerOptions } from 'socket.io'
import { BENCH } from '../config'
import { listenOnLoopback, serveCommands } from './broadcast-server'
import { socketIoBacklog } from './socketio-backlog'

/**
 * A socket.io 4 server as a Node developer would configure it for the broadcast benchmarks (rooms,
 * WebSocket transport only, no compression), answering the benchmark's commands. `adapter` spreads
 * its rooms over several instances (bench:cluster); without one it stands alone (bench:hub).
 */
export async function serveSocketIo(adapter?: ServerOptions['adapter']): Promise<void> {
  const http = createServer()
  const io = new Server(http, {
    transports: ['websocket'],
    perMessageDeflate: false,
    httpCompression: false,
    serveClient: false,
    ...(adapter ? { adapter } : {}),
  })

  io.on('connection', (socket) => {
    socket.on('join', (room: string, ack: () => void) => {
      void socket.join(room)
      ack()
    })
  })

  serveCommands({
    port: await listenOnLoopback(http),
    // With an adapter: written to this instance's room members at once and published for the others.
    broadcast: payload => io.to(BENCH.group).emit('tick', payload),
    backlog() {
      let pending = 0
      for (const socket of io.of('/').sockets.values()) pending += socketIoBacklog(socket)
      return pending
    },
    connections: () => io.of('/').sockets.size,
  })
}
