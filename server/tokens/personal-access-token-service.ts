import type { CreatedPersonalAccessToken, PersonalAccessTokenSummary } from '#shared/types/account'
import type { PersonalAccessTokenRow, UserRow } from '../db/schema'
import type { PersonalAccessTokensRepository } from './personal-access-tokens-repository'
import { TokenLimitError, TokenNotFoundError } from './token-errors'
import { displayPrefix, generatePersonalAccessToken, hashTokenSecret, looksLikePersonalAccessToken } from './token-secret'

const DAY_MS = 24 * 60 * 60_000
/** Unrevoked tokens one account may keep, expired ones included (they are listed until revoked). */
export const MAX_PERSONAL_ACCESS_TOKENS_PER_USER = 50
/** "Last used" is precise to a minute: enough to spot a stale token, without a write per request. */
const LAST_USED_GRANULARITY_MS = 60_000

export class PersonalAccessTokenService {
  constructor(
    private readonly tokens: PersonalAccessTokensRepository,
    private readonly maxPerUser = MAX_PERSONAL_ACCESS_TOKENS_PER_USER,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(userId: string, input: { name: string, expiresInDays: number }): Promise<CreatedPersonalAccessToken> {
    const token = generatePersonalAccessToken()
    const row = await this.tokens.create({
      userId,
      name: input.name,
      tokenHash: hashTokenSecret(token),
      tokenPrefix: displayPrefix(token),
      expiresAt: new Date(this.now().getTime() + input.expiresInDays * DAY_MS),
    }, this.maxPerUser)
    if (!row) throw new TokenLimitError(this.maxPerUser)
    return { id: row.id, name: row.name, token, expiresAt: row.expiresAt.toISOString() }
  }

  async list(userId: string): Promise<PersonalAccessTokenSummary[]> {
    return (await this.tokens.listForUser(userId)).map(toSummary)
  }

  async revoke(userId: string, tokenId: string): Promise<void> {
    if (!await this.tokens.revoke(userId, tokenId, this.now())) throw new TokenNotFoundError()
  }

  /** The owner of a usable token and the token's id; null when the token is unknown, malformed, expired or revoked. */
  async authenticate(token: string): Promise<{ user: UserRow, tokenId: string } | null> {
    if (!looksLikePersonalAccessToken(token)) return null
    const now = this.now()
    const found = await this.tokens.findUsable(hashTokenSecret(token), now)
    if (!found) return null
    await this.tokens.touchLastUsed(found.token.id, now, LAST_USED_GRANULARITY_MS)
    return { user: found.user, tokenId: found.token.id }
  }

  /** Which of `tokenIds` are still usable: hub tokens minted from a token live only as long as it. */
  usable(tokenIds: string[]): Promise<Set<string>> {
    return this.tokens.usableIds(tokenIds, this.now())
  }
}

function toSummary(row: PersonalAccessTokenRow): PersonalAccessTokenSummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.tokenPrefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  }
}
