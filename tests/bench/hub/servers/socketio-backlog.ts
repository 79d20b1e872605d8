import type { Socket } from 'socket.io'

/** engine.io queues packets itself while a write is in flight, then ws buffers what the kernel refuses. */
export function socketIoBacklog(socket: Socket): number {
  const engine = socket.conn as unknown as { writeBuffer: unknown[], transport: { socket?: { bufferedAmount: number } } }
  return engine.writeBuffer.length + (engine.transport.socket?.bufferedAmount ?? 0)
}
