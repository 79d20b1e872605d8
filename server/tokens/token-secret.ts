import { createHash, randomBytes } from 'node:crypto'

/** Marks our personal access tokens, so they are recognised (and found by secret scanners) at a glance. */
export const PERSONAL_ACCESS_TOKEN_PREFIX = 'map_pat_'

/**
 * A marker followed by 32 random bytes (256 bits): guessing is hopeless, so a fast hash is enough to
 * store such secrets safely.
 */
export function generateSecret(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url')
}

/** Whether `token` has the shape `generateSecret(prefix)` gives: checked before any database look-up. */
export function hasSecretShape(token: string, prefix: string): boolean {
  return token.startsWith(prefix) && /^[\w-]{43}$/.test(token.slice(prefix.length))
}

export function generatePersonalAccessToken(): string {
  return generateSecret(PERSONAL_ACCESS_TOKEN_PREFIX)
}

export function looksLikePersonalAccessToken(token: string): boolean {
  return hasSecretShape(token, PERSONAL_ACCESS_TOKEN_PREFIX)
}

export function hashTokenSecret(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** What lists show: the marker and four characters of the secret. */
export function displayPrefix(token: string): string {
  return token.slice(0, PERSONAL_ACCESS_TOKEN_PREFIX.length + 4)
}
