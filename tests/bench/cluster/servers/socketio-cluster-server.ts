import { createAdapter } from '@socket.io/redis-adapter'
import { Redis } from 'ioredis'
import { serveSocketIo } from '../../hub/servers/socketio-bench-server'

/**
 * One socket.io 4 instance with @socket.io/redis-adapter, configured as in bench:hub.
 * Usage: socketio-cluster-server.ts <redis url> <prefix>
 */
const [redisUrl, prefix] = [process.argv[2]!, process.argv[3]!]
await serveSocketIo(createAdapter(new Redis(redisUrl), new Redis(redisUrl), { key: `${prefix}:socket.io` }))
