import { serveSocketIo } from './socketio-bench-server'

/** socket.io 4 rooms on one instance: bench:hub's peer. */
await serveSocketIo()
