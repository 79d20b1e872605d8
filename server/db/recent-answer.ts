/**
 * How recently a statement must have succeeded to stand for the database answering a health probe.
 * HikariCP skips its own liveness check on a connection used within the last 500 ms
 * (`aliveBypassWindowMs`) for the same reason: a statement just answered shows more than a probe
 * would. Probes come every few seconds, so an answer this old is as current as the probe's own.
 */
export const RECENT_ANSWER_MS = 500

/**
 * When the database last answered a statement. During a burst a probe of its own would time the
 * burst (on the embedded database it waits for the statement under way; on PostgreSQL its round trip
 * shares the cores with the pool's backends), while the answers the burst is getting already prove
 * the database alive.
 */
export class RecentAnswer {
  private answeredAt = Number.NEGATIVE_INFINITY

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Runs one statement and remembers when it succeeded; a failure is not an answer. */
  async observe<T>(_sql: string, run: () => Promise<T>): Promise<T> {
    const result = await run()
    this.answeredAt = this.now()
    return result
  }

  /** Resolves at once when a statement succeeded within RECENT_ANSWER_MS, otherwise when `ping` does. */
  async confirm(ping: () => Promise<void>): Promise<void> {
    if (this.now() - this.answeredAt <= RECENT_ANSWER_MS) return
    await ping()
  }
}
