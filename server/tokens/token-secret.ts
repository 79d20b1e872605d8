import { createHash, randomBytes } from 'node:crypto'

/** Marks our personal access tokens, so they are recognised (and found by secret scanners) at a glance. */
export const PERSONAL_ACCESS_TOKEN_PREFIX = 'map_pat_'

/** 32 random bytes: guessing is hopeless, so a fast hash is enough to store them safely. */
export function generatePersonalAccessToken(): string {
  return PERSONAL_ACCESS_TOKEN_PREFIX + randomBytes(32).toString('base64url')
}

export function looksLikePersonalAccessToken(token: string): boolean {
  return token.startsWith(PERSONAL_ACCESS_TOKEN_PREFIX) && /^[\w-]{43}$/.test(token.slice(PERSONAL_ACCESS_TOKEN_PREFIX.length))
}

export function hashTokenSecret(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** What lists show: the marker and four characters of the secret. */
export function displayPrefix(token: string): string {
  return token.slice(0, PERSONAL_ACCESS_TOKEN_PREFIX.length + 4)
}
