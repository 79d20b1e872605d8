import type { UserRow } from '../db/schema'
import { SESSION_MAX_AGE_SECONDS } from './session-lifetime'
import type { SessionsRepository } from './sessions-repository'

/** "Last seen" is precise to a minute, like tokens' "last used". */
export const LAST_SEEN_GRANULARITY_MS = 60_000

/**
 * Server-side records of signed-in browsers. The sealed cookie only names a session; whether it
 * still opens anything is decided here on every request, so signing out takes effect at once.
 */
export class SessionService {
  constructor(private readonly sessions: SessionsRepository, private readonly now: () => Date = () => new Date()) {}

  /** A new session for `userId`; its id goes into the sealed cookie. */
  async start(userId: string): Promise<string> {
    return (await this.sessions.create(userId)).id
  }

  /**
   * The user of a live session, recording the activity; null when unknown, revoked or expired. The
   * session read says when activity was last recorded: within the granularity there is nothing to
   * write, and a request costs one statement instead of two.
   */
  async authenticate(sessionId: string): Promise<UserRow | null> {
    const now = this.now()
    const found = await this.sessions.findLive(sessionId, this.oldestLive(now))
    if (!found) return null
    if (now.getTime() - found.session.lastSeenAt.getTime() >= LAST_SEEN_GRANULARITY_MS) {
      await this.sessions.touchLastSeen(sessionId, now, LAST_SEEN_GRANULARITY_MS)
    }
    return found.user
  }

  /** Which of `sessionIds` are still live: one query for every open hub connection. */
  live(sessionIds: string[]): Promise<Set<string>> {
    return this.sessions.liveIds(sessionIds, this.oldestLive(this.now()))
  }

  /** Signing out: harmless for a session that is unknown or already ended. */
  async end(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId, this.now())
  }

  private oldestLive(now: Date): Date {
    return new Date(now.getTime() - SESSION_MAX_AGE_SECONDS * 1000)
  }
}
