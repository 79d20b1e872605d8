import { and, desc, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql, type Placeholder } from 'drizzle-orm'
import type { Database } from '../db/database'
import { sessions, users, type SessionRow, type UserRow } from '../db/schema'
import { isUuid } from './users-repository'

/**
 * Where a session's revocation is announced, with the session's id, by the statement that revokes it:
 * every instance sharing the database hears it (session-ends.ts) and forgets the session.
 */
export const SESSION_ENDED_CHANNEL = 'session_ended'

/** Neither revoked nor older than `notBefore` (its cookie would have expired too). */
const liveSince = (notBefore: Date | Placeholder) => and(isNull(sessions.revokedAt), gt(sessions.createdAt, notBefore))

export class SessionsRepository {
  /**
   * Every signed-in request reads its session: the statement is built once, as building its SQL
   * took about 0.2 ms of the event loop a time.
   */
  private readonly liveSession

  constructor(private readonly db: Database) {
    this.liveSession = db.select({ session: sessions, user: users }).from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sql.placeholder('id')), liveSince(sql.placeholder('notBefore'))))
      .limit(1)
      .prepare('sessions_find_live')
  }

  async create(userId: string): Promise<SessionRow> {
    const [row] = await this.db.insert(sessions).values({ userId }).returning()
    return row!
  }

  /**
   * Keeps a user's record to their newest `keepLive` live sessions: rows that open nothing (revoked,
   * or older than `notBefore`) go, and so do live ones beyond the newest `keepLive`, whose ends are
   * announced as a revocation's are. Returns the live sessions it ended.
   */
  async prune(userId: string, notBefore: Date, keepLive: number): Promise<string[]> {
    await this.db.delete(sessions)
      .where(and(eq(sessions.userId, userId), or(isNotNull(sessions.revokedAt), lte(sessions.createdAt, notBefore))))
    const beyond = this.db.select({ id: sessions.id }).from(sessions)
      .where(and(eq(sessions.userId, userId), liveSince(notBefore)))
      .orderBy(desc(sessions.createdAt), desc(sessions.id))
      .offset(keepLive)
    const ended = this.db.$with('ended').as(this.db.delete(sessions)
      .where(inArray(sessions.id, beyond))
      .returning({ id: sessions.id }))
    const rows = await this.db.with(ended)
      .select({ id: ended.id, announced: sql`pg_notify(${SESSION_ENDED_CHANNEL}, cast(${ended.id} as text))` })
      .from(ended)
    return rows.map(row => row.id)
  }

  /** The live session `id` and its user; null when unknown, revoked or too old. */
  async findLive(id: string, notBefore: Date): Promise<{ session: SessionRow, user: UserRow } | null> {
    if (!isUuid(id)) return null
    const [row] = await this.liveSession.execute({ id, notBefore: notBefore.toISOString() })
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

  /**
   * False when there is no such unrevoked session. The revocation is announced on
   * SESSION_ENDED_CHANNEL in the same statement: PostgreSQL delivers it when, and only if, it commits.
   */
  async revoke(id: string, now: Date): Promise<boolean> {
    if (!isUuid(id)) return false
    const revoked = this.db.$with('revoked').as(this.db.update(sessions).set({ revokedAt: now })
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id }))
    const rows = await this.db.with(revoked)
      .select({ id: revoked.id, announced: sql`pg_notify(${SESSION_ENDED_CHANNEL}, cast(${revoked.id} as text))` })
      .from(revoked)
    return rows.length === 1
  }

  /** Records activity, at most once per `granularityMs`, so browsing does not write on every request. */
  async touchLastSeen(id: string, now: Date, granularityMs: number): Promise<void> {
    await this.db.update(sessions).set({ lastSeenAt: now })
      .where(and(eq(sessions.id, id), lt(sessions.lastSeenAt, new Date(now.getTime() - granularityMs))))
  }
}
