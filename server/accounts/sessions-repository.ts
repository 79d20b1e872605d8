import { and, eq, gt, inArray, isNull, lt } from 'drizzle-orm'
import type { Database } from '../db/database'
import { sessions, users, type SessionRow, type UserRow } from '../db/schema'
import { isUuid } from './users-repository'

/** Neither revoked nor older than `notBefore` (its cookie would have expired too). */
const liveSince = (notBefore: Date) => and(isNull(sessions.revokedAt), gt(sessions.createdAt, notBefore))

export class SessionsRepository {
  constructor(private readonly db: Database) {}

  async create(userId: string): Promise<SessionRow> {
    const [row] = await this.db.insert(sessions).values({ userId }).returning()
    return row!
  }

  /** The live session `id` and its user; null when unknown, revoked or too old. */
  async findLive(id: string, notBefore: Date): Promise<{ session: SessionRow, user: UserRow } | null> {
    if (!isUuid(id)) return null
    const [row] = await this.db.select({ session: sessions, user: users }).from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, id), liveSince(notBefore)))
      .limit(1)
    return row ?? null
  }

  /** Which of `ids` are still live. */
  async liveIds(ids: string[], notBefore: Date): Promise<Set<string>> {
    const candidates = ids.filter(isUuid)
    if (candidates.length === 0) return new Set()
    const rows = await this.db.select({ id: sessions.id }).from(sessions)
      .where(and(inArray(sessions.id, candidates), liveSince(notBefore)))
    return new Set(rows.map(row => row.id))
  }

  /** False when there is no such unrevoked session. */
  async revoke(id: string, now: Date): Promise<boolean> {
    if (!isUuid(id)) return false
    const rows = await this.db.update(sessions).set({ revokedAt: now })
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id })
    return rows.length === 1
  }

  /** Records activity, at most once per `granularityMs`, so browsing does not write on every request. */
  async touchLastSeen(id: string, now: Date, granularityMs: number): Promise<void> {
    await this.db.update(sessions).set({ lastSeenAt: now })
      .where(and(eq(sessions.id, id), lt(sessions.lastSeenAt, new Date(now.getTime() - granularityMs))))
  }
}
