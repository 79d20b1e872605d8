import { and, desc, eq, gt, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm'
import type { Database } from '../db/database'
import { insertUnderCap } from '../db/insert-under-cap'
import { personalAccessTokens, users, type PersonalAccessTokenRow, type UserRow } from '../db/schema'
import { isUuid } from '../accounts/users-repository'

export interface NewPersonalAccessToken {
  userId: string
  name: string
  tokenHash: string
  tokenPrefix: string
  expiresAt: Date
}

/** Namespace of the advisory locks that let one token per user in at a time. */
const TOKEN_LOCK_SPACE = 7303

const usableAt = (now: Date) => and(isNull(personalAccessTokens.revokedAt), gt(personalAccessTokens.expiresAt, now))

export class PersonalAccessTokensRepository {
  constructor(private readonly db: Database) {}

  /**
   * Saves a token unless the user already has `cap` unrevoked ones (expired ones count: they are
   * listed until removed); null then. Revoked tokens open nothing and are listed nowhere: the user's
   * are deleted first, so creating and revoking cannot grow the table.
   */
  async create(token: NewPersonalAccessToken, cap: number): Promise<PersonalAccessTokenRow | null> {
    const { userId } = token
    const scope = {
      table: personalAccessTokens, lockSpace: TOKEN_LOCK_SPACE, key: userId, cap,
      counted: and(eq(personalAccessTokens.userId, userId), isNull(personalAccessTokens.revokedAt)),
    }
    return insertUnderCap(this.db, scope, token, transaction => transaction.delete(personalAccessTokens)
      .where(and(eq(personalAccessTokens.userId, userId), isNotNull(personalAccessTokens.revokedAt))))
  }

  /** The token and its owner when the hash matches a token that is neither revoked nor expired at `now`. */
  async findUsable(tokenHash: string, now: Date): Promise<{ token: PersonalAccessTokenRow, user: UserRow } | null> {
    const [row] = await this.db
      .select({ token: personalAccessTokens, user: users })
      .from(personalAccessTokens)
      .innerJoin(users, eq(users.id, personalAccessTokens.userId))
      .where(and(eq(personalAccessTokens.tokenHash, tokenHash), usableAt(now)))
      .limit(1)
    return row ?? null
  }

  /** Which of `ids` are neither revoked nor expired at `now`. */
  async usableIds(ids: string[], now: Date): Promise<Set<string>> {
    const candidates = ids.filter(isUuid)
    if (candidates.length === 0) return new Set()
    const rows = await this.db.select({ id: personalAccessTokens.id }).from(personalAccessTokens)
      .where(and(inArray(personalAccessTokens.id, candidates), usableAt(now)))
    return new Set(rows.map(row => row.id))
  }

  /** The user's tokens that are not revoked, newest first (expired ones included, so they can be seen and removed). */
  async listForUser(userId: string): Promise<PersonalAccessTokenRow[]> {
    return this.db.select().from(personalAccessTokens)
      .where(and(eq(personalAccessTokens.userId, userId), isNull(personalAccessTokens.revokedAt)))
      .orderBy(desc(personalAccessTokens.createdAt), desc(personalAccessTokens.id))
  }

  /** False when the user has no such unrevoked token (including when it belongs to someone else). */
  async revoke(userId: string, tokenId: string, now: Date): Promise<boolean> {
    if (!isUuid(tokenId)) return false
    const rows = await this.db.update(personalAccessTokens)
      .set({ revokedAt: now })
      .where(and(
        eq(personalAccessTokens.id, tokenId),
        eq(personalAccessTokens.userId, userId),
        isNull(personalAccessTokens.revokedAt),
      ))
      .returning({ id: personalAccessTokens.id })
    return rows.length === 1
  }

  /**
   * Records a use. Writes at most once per `granularityMs` per token, so a busy client does not turn
   * every request into a write.
   */
  async touchLastUsed(tokenId: string, now: Date, granularityMs: number): Promise<void> {
    await this.db.update(personalAccessTokens)
      .set({ lastUsedAt: now })
      .where(and(
        eq(personalAccessTokens.id, tokenId),
        or(isNull(personalAccessTokens.lastUsedAt), lt(personalAccessTokens.lastUsedAt, new Date(now.getTime() - granularityMs))),
      ))
  }
}
