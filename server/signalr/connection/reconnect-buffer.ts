import type { OutgoingFrame } from '../transports'

interface BufferedFrame {
  sequenceId: number
  frame: OutgoingFrame
  bytes: number
}

/**
 * Stateful reconnect's bookkeeping for one connection, both directions.
 *
 * Outgoing: every sequenced message is numbered from 1 and kept until the client
 * acknowledges it, so it can be replayed on a new transport. Once more than
 * `limitBytes` are unacknowledged, further messages wait (`held`) until acks make
 * room, which is the backpressure the protocol asks for.
 *
 * Incoming: the client numbers its messages the same way and replays what we have
 * not acknowledged; duplicates are recognised and skipped.
 */
export class ReconnectBuffer {
  private unacked: BufferedFrame[] = []
  private unackedBytes = 0
  private held: BufferedFrame[] = []
  private heldBytes = 0
  private nextSequenceId = 1

  private nextReceivingSequenceId = 1
  private latestReceivedSequenceId = 0
  private lastAckedReceivedId = 0

  constructor(private readonly limitBytes: number) {}

  /** Records an outgoing sequenced frame; true when it may go on the wire now. */
  track(frame: OutgoingFrame, bytes: number): boolean {
    const entry = { sequenceId: this.nextSequenceId++, frame, bytes }
    // As in ASP.NET Core, a message waits only while the window is already over the limit, so
    // one bigger than the whole limit still goes out (it would otherwise wait forever).
    if (this.held.length === 0 && this.unackedBytes <= this.limitBytes) {
      this.unacked.push(entry)
      this.unackedBytes += bytes
      return true
    }
    this.held.push(entry)
    this.heldBytes += bytes
    return false
  }

  /** Bytes waiting for room in the window: they count against a slow client. */
  get waitingBytes(): number {
    return this.heldBytes
  }

  /** The client has everything up to `sequenceId`; returns the held frames that may now be sent. */
  acknowledge(sequenceId: number): OutgoingFrame[] {
    while (this.unacked.length > 0 && this.unacked[0]!.sequenceId <= sequenceId) {
      this.unackedBytes -= this.unacked.shift()!.bytes
    }
    const released: OutgoingFrame[] = []
    while (this.held.length > 0 && this.unackedBytes <= this.limitBytes) {
      const entry = this.held.shift()!
      this.heldBytes -= entry.bytes
      this.unacked.push(entry)
      this.unackedBytes += entry.bytes
      released.push(entry.frame)
    }
    return released
  }

  /** What a new transport must carry first: the id of the first replayed message, then the frames. */
  replay(): { sequenceId: number, frames: OutgoingFrame[] } {
    const first = this.unacked[0]?.sequenceId ?? this.held[0]?.sequenceId ?? this.nextSequenceId
    return { sequenceId: first, frames: this.unacked.map(entry => entry.frame) }
  }

  /** Applies the client's numbering to an incoming sequenced message; false for a duplicate. */
  shouldProcess(): boolean {
    const current = this.nextReceivingSequenceId++
    if (current <= this.latestReceivedSequenceId) return false
    this.latestReceivedSequenceId = current
    return true
  }

  /** The client's Sequence message after a reconnect: its replay starts at `sequenceId`. */
  resetReceiving(sequenceId: number): void {
    if (sequenceId > this.nextReceivingSequenceId) {
      throw new Error('Sequence ID greater than amount of messages we\'ve received.')
    }
    this.nextReceivingSequenceId = sequenceId
  }

  /** The id to acknowledge to the client, when there is something new to acknowledge. */
  takeAckDue(): number | null {
    if (this.latestReceivedSequenceId === this.lastAckedReceivedId) return null
    this.lastAckedReceivedId = this.latestReceivedSequenceId
    return this.latestReceivedSequenceId
  }
}
