import type { SessionRow, UserRow } from '../db/schema'

export interface LiveSession {
  session: SessionRow
  user: UserRow
}

/** Sessions remembered at once; past this the longest-remembered is forgotten first. */
export const REMEMBERED_SESSIONS_CAPACITY = 10_000

/**
 * Sessions recently found live, so that a browser's next requests within `forMs` need not read the
 * database again. Only correct where every sign-out goes through this process, which forgets the
 * session as it ends it (SessionService.end): a single server on the embedded database. With 0 it
 * remembers nothing.
 */
export class RememberedSessions {
  private readonly entries = new Map<string, LiveSession & { foundAt: number }>()

  constructor(private readonly forMs: number, private readonly capacity = REMEMBERED_SESSIONS_CAPACITY) {}

  /** The session as last found live, unless that was `forMs` or longer ago. */
  recall(id: string, nowMs: number): LiveSession | undefined {
    const entry = this.entries.get(id)
    if (!entry) return undefined
    if (nowMs - entry.foundAt < this.forMs) return entry
    this.entries.delete(id)
    return undefined
  }

  remember(id: string, live: LiveSession, nowMs: number): void {
    if (this.forMs <= 0) return
    this.entries.delete(id)
    this.entries.set(id, { ...live, foundAt: nowMs })
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!)
  }

  forget(id: string): void {
    this.entries.delete(id)
  }

  get size(): number {
    return this.entries.size
  }
}
