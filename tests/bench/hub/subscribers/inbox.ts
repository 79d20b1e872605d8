import type { WebSocket } from 'ws'

/**
 * Text messages of one socket, buffered from the moment it is created: a server may speak
 * first (engine.io's open packet), possibly in the same read as the upgrade response.
 */
export class Inbox {
  private readonly queued: string[] = []
  private wake: (() => void) | null = null
  private readonly listener = (data: unknown) => {
    this.queued.push(String(data))
    this.wake?.()
  }

  constructor(private readonly socket: WebSocket) {
    socket.on('message', this.listener)
  }

  /** The next message, or an error after `timeoutMs`. */
  async next(timeoutMs: number): Promise<string> {
    if (this.queued.length === 0) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no message within ${timeoutMs} ms`)), timeoutMs)
        this.wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      this.wake = null
    }
    return this.queued.shift()!
  }

  /** Stops buffering; the subscriber's own handler takes over. */
  close(): void {
    this.socket.off('message', this.listener)
  }
}
