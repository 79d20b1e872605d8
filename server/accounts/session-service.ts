import type { UserRow } from '../db/schema'
import { RememberedSessions, type LiveSession } from './remembered-sessions'
import { SESSION_MAX_AGE_SECONDS } from './session-lifetime'
import type { SessionsRepository } from './sessions-repository'

/** "Last seen" is precise to a minute, like tokens' "last used". */
export const LAST_SEEN_GRANULARITY_MS = 60_000

/**
 * How long a server takes a session it found live as live, without reading it again. Signing out
 * forgets it at once, on this instance and on every other that hears of it; the database could only
 * be changed under it by hand, and such a change shows within this.
 */
export const REMEMBER_LIVE_SESSION_MS = 10_000

/** Sessions one user may have live at once (browsers, devices): signing in beyond ends the oldest. */
export const MAX_LIVE_SESSIONS_PER_USER = 50

export interface StartedSession {
  id: string
  /** Older sessions of the same user that this sign-in ended, the cap being reached. */
  ended: string[]
}

export interface SessionServiceOptions {
  /** MAX_LIVE_SESSIONS_PER_USER unless said. */
  maxLivePerUser?: number
  now?: () => Date
  /** REMEMBER_LIVE_SESSION_MS to remember sessions found live; 0, the default, reads the session on every request. */
  rememberLiveForMs?: number
  /**
   * Other processes end sessions too (instances sharing PostgreSQL): nothing is remembered until
   * their sign-outs can be heard (`resumeRemembering`), nor whenever they cannot.
   */
  signOutsElsewhere?: boolean
}

/**
 * Server-side records of signed-in browsers. The sealed cookie only names a session; whether it
 * still opens anything is decided here on every request, so signing out takes effect at once.
 */
export class SessionService {
  private readonly now: () => Date
  private readonly remembered: RememberedSessions
  private readonly maxLivePerUser: number

  constructor(private readonly sessions: SessionsRepository, options: SessionServiceOptions = {}) {
    this.now = options.now ?? (() => new Date())
    this.remembered = new RememberedSessions(options.rememberLiveForMs ?? 0)
    this.maxLivePerUser = options.maxLivePerUser ?? MAX_LIVE_SESSIONS_PER_USER
    if (options.signOutsElsewhere) this.remembered.suspend()
  }

  /**
   * A new session for `userId`; its id goes into the sealed cookie. The user keeps at most
   * `maxLivePerUser` live sessions: the oldest beyond them end (`ended`, for their connections to close),
   * and records that open nothing are deleted, so no number of sign-ins grows the table without bound.
   */
  async start(userId: string): Promise<StartedSession> {
    const { id } = await this.sessions.create(userId)
    const ended = await this.sessions.prune(userId, this.oldestLive(this.now()), this.maxLivePerUser)
    for (const endedId of ended) this.remembered.forget(endedId)
    return { id, ended }
  }

  /**
   * The user of a live session, recording the activity; null when unknown, revoked or expired. The
   * session read says when activity was last recorded: within the granularity there is nothing to
   * write, and a request costs one statement instead of two (none while the session is remembered).
   */
  async authenticate(sessionId: string): Promise<UserRow | null> {
    const now = this.now()
    const notBefore = this.oldestLive(now)
    const found = this.remembered.recall(sessionId, now.getTime()) ?? await this.findLive(sessionId, notBefore, now)
    if (!found) return null
    if (found.session.createdAt <= notBefore) {
      this.remembered.forget(sessionId)
      return null
    }
    if (now.getTime() - found.session.lastSeenAt.getTime() >= LAST_SEEN_GRANULARITY_MS) {
      found.session.lastSeenAt = now
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
    this.remembered.forget(sessionId)
    await this.sessions.revoke(sessionId, this.now())
    // A read sent before the revocation may have answered (and been remembered) meanwhile.
    this.remembered.forget(sessionId)
  }

  /** Another process signed `sessionId` out. */
  forgetRemembered(sessionId: string): void {
    this.remembered.forget(sessionId)
  }

  /** Sign-outs elsewhere cannot be heard: forget every session, and read each on every request. */
  suspendRemembering(): void {
    this.remembered.suspend()
  }

  /** Sign-outs elsewhere are heard again. */
  resumeRemembering(): void {
    this.remembered.resume()
  }

  private async findLive(sessionId: string, notBefore: Date, now: Date): Promise<LiveSession | null> {
    const ticket = this.remembered.ticket()
    const found = await this.sessions.findLive(sessionId, notBefore)
    if (found) this.remembered.remember(sessionId, found, now.getTime(), ticket)
    return found
  }

  private oldestLive(now: Date): Date {
    return new Date(now.getTime() - SESSION_MAX_AGE_SECONDS * 1000)
  }
}
