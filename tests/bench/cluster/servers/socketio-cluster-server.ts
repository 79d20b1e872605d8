import { createServer } from 'node:http'
import { createAdapter } from '@socket.io/redis-adapter'
import { Redis } from 'ioredis'
import { Server } from 'socket.io'
import { BENCH } from '../../hub/config'
import { listenOnLoopback, serveCommands } from '../../hub/servers/broadcast-server'
import { socketIoBacklog } from '../../hub/servers/socketio-backlog'

/**
 * One socket.io 4 instance with @socket.io/redis-adapter, configured as in bench:hub (WebSocket
 * only, no compression). Usage: socketio-cluster-server.ts <redis url> <prefix>
 */
const [redisUrl, prefix] = [process.argv[2]!, process.argv[3]!]
const http = createServer()
const io = new Server(http, {
  transports: ['websocket'],
  perMessageDeflate: false,
  httpCompression: false,
  serveClient: false,
  adapter: createAdapter(new Redis(redisUrl), new Redis(redisUrl), { key: `${prefix}:socket.io` }),
})

io.on('connection', (socket) => {
  socket.on('join', (room: string, ack: () => void) => {
    void socket.join(room)
    ack()
  })
})

serveCommands({
  port: await listenOnLoopback(http),
  // Written to this instance's room members at once and published for the others.
  broadcast: payload => io.to(BENCH.group).emit('tick', payload),
  backlog() {
    let pending = 0
    for (const socket of io.of('/').sockets.values()) pending += socketIoBacklog(socket)
    return pending
  },
  connections: () => io.of('/').sockets.size,
})
