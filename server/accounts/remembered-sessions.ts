import type { SessionRow, UserRow } from '../db/schema'

export interface LiveSession {
  session: SessionRow
  user: UserRow
}

/** Sessions remembered at once; past this the longest-remembered is forgotten first. */
export const REMEMBERED_SESSIONS_CAPACITY = 10_000

/**
 * Sessions recently found live, so that a browser's next requests within `forMs` need not read the
 * database again. Only correct while every sign-out reaches this process, which forgets the session
 * as it hears of it: a single server on the embedded database ends every session itself; instances
 * sharing PostgreSQL hear each other's sign-outs on a channel (session-ends.ts) and remember nothing
 * while they cannot (`suspend`). With 0 it remembers nothing.
 */
export class RememberedSessions {
  private readonly entries = new Map<string, LiveSession & { foundAt: number }>()
  /**
   * Moves on at every forgetting, suspension and resumption. A read of a session that began before
   * one may have been answered from before a sign-out (or one that went unheard): its answer is not
   * remembered.
   */
  private generation = 0
  private suspended = false

  constructor(private readonly forMs: number, private readonly capacity = REMEMBERED_SESSIONS_CAPACITY) {}

  /** The session as last found live, unless that was `forMs` or longer ago. */
  recall(id: string, nowMs: number): LiveSession | undefined {
    const entry = this.entries.get(id)
    if (!entry) return undefined
    if (nowMs - entry.foundAt < this.forMs) return entry
    this.entries.delete(id)
    return undefined
  }

  /** Taken before reading a session from the database, and handed back to `remember` with the answer. */
  ticket(): number {
    return this.generation
  }

  /** Keeps `live` unless something was forgotten (or remembering suspended or resumed) since `ticket` was taken. */
  remember(id: string, live: LiveSession, nowMs: number, ticket = this.generation): void {
    if (this.forMs <= 0 || this.suspended || ticket !== this.generation) return
    this.entries.delete(id)
    this.entries.set(id, { ...live, foundAt: nowMs })
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!)
  }

  forget(id: string): void {
    this.generation++
    this.entries.delete(id)
  }

  /** Forgets every session and remembers none until `resume`: sign-outs cannot be heard meanwhile. */
  suspend(): void {
    this.generation++
    this.suspended = true
    this.entries.clear()
  }

  /** Sign-outs are heard again: sessions read from now on are remembered. */
  resume(): void {
    this.generation++
    this.suspended = false
  }

  get size(): number {
    return this.entries.size
  }
}
