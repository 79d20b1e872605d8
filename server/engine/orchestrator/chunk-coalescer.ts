/**
 * Joins the pieces of text one write streams within one turn of the event loop into one chunk: a
 * writer at full speed hands over dozens of pieces per turn, and every chunk is a hub message to
 * each follower. A writer that streams a piece per turn (a model, the paced offline writer) is
 * passed through as it was. Numbers the chunks it sends (their `sequence`), from 0 for each attempt.
 */
export class ChunkCoalescer {
  private pending = ''
  private scheduled: NodeJS.Immediate | null = null
  private sequence = 0

  constructor(private readonly send: (chunk: string, sequence: number, isComplete: boolean) => void) {}

  add(text: string): void {
    if (text === '') return
    this.pending += text
    this.scheduled ??= setImmediate(() => this.flush())
  }

  /** Sends what is pending now: before the write's end, a new attempt, or a failure is announced. */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled)
    this.scheduled = null
    if (this.pending === '') return
    const text = this.pending
    this.pending = ''
    this.send(text, this.sequence++, false)
  }

  /** A new attempt streams its text from the start: what the last one streamed goes first, then numbering starts over. */
  restart(): void {
    this.flush()
    this.sequence = 0
  }

  /** The final, empty chunk that says the write is whole. */
  complete(): void {
    this.flush()
    this.send('', this.sequence, true)
  }
}
