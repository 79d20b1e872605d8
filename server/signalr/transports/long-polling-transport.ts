import type { ServerResponse } from 'node:http'
import type { Frame } from '../protocol'
import { frameByteLength, type ServerTransport } from './transport'

interface PendingPoll {
  response: ServerResponse
  timer: NodeJS.Timeout
  ended: () => void
}

/**
 * Long polling: frames wait in a queue until the client's next GET takes them all.
 * A poll with nothing to take is answered 200 with no body after `pollTimeoutMs`;
 * a poll answered 204 tells the client the connection is over.
 */
export class LongPollingTransport implements ServerTransport {
  readonly kind = 'LongPolling'
  readonly supportsBinary = true

  private queue: Frame[] = []
  private queuedBytes = 0
  private poll: PendingPoll | null = null
  private closed = false
  /** When the last poll ended; a client that stops polling is a client that left. */
  private lastPollEndedAt = Date.now()

  constructor(private readonly pollTimeoutMs: number) {}

  detachedSince(): number | null {
    return this.poll ? null : this.lastPollEndedAt
  }

  send(frame: Frame): void {
    this.queue.push(frame)
    this.queuedBytes += frameByteLength(frame)
    if (this.poll) this.flush(this.poll)
  }

  bufferedBytes(): number {
    return this.queuedBytes
  }

  /**
   * Holds a poll until there is something to send, the poll times out or the connection
   * ends; resolves once it has been answered. A new poll replaces one still waiting: the
   * old one is told (204) that it is finished.
   */
  acceptPoll(response: ServerResponse): Promise<void> {
    if (this.poll) this.endPoll(this.poll, 204)
    return new Promise((ended) => {
      const poll: PendingPoll = {
        response,
        timer: setTimeout(() => this.endPoll(poll, 200), this.pollTimeoutMs),
        ended,
      }
      this.poll = poll
      response.once('close', () => this.detach(poll))
      if (this.queue.length > 0) this.flush(poll)
      else if (this.closed) this.endPoll(poll, 204)
    })
  }

  close(): void {
    this.closed = true
    if (this.poll && this.queue.length === 0) this.endPoll(this.poll, 204)
  }

  abort(): void {
    this.queue = []
    this.queuedBytes = 0
    this.close()
  }

  private flush(poll: PendingPoll): void {
    const frames = this.queue
    this.queue = []
    this.queuedBytes = 0
    const body = frames.every(frame => typeof frame === 'string')
      ? (frames as string[]).join('')
      : Buffer.concat(frames.map(frame => typeof frame === 'string' ? Buffer.from(frame) : frame))
    this.detach(poll)
    poll.response.writeHead(200, { 'Content-Type': 'application/octet-stream' })
    poll.response.end(body)
  }

  private endPoll(poll: PendingPoll, status: 200 | 204): void {
    this.detach(poll)
    poll.response.writeHead(status, { 'Content-Type': 'text/plain' })
    poll.response.end()
  }

  private detach(poll: PendingPoll): void {
    clearTimeout(poll.timer)
    poll.ended()
    if (this.poll !== poll) return
    this.poll = null
    this.lastPollEndedAt = Date.now()
  }
}
