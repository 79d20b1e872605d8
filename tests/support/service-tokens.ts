import { randomUUID } from 'node:crypto'
import { SignJWT } from 'jose'

export interface ServiceTokenFields {
  secret: string
  /** Seconds from now; negative for an already expired token. */
  expiresIn?: number
  /** Seconds before now the token claims to have been issued. */
  issuedAgo?: number
  audience?: string
  issuer?: string
}

/** A service token as a web front signs one (for no user: a reviewer's call), or a forgery of one. */
export function signServiceToken(fields: ServiceTokenFields): Promise<string> {
  const now = Math.floor(Date.now() / 1000)
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(fields.issuer ?? 'marketing-agents:web')
    .setAudience(fields.audience ?? 'marketing-agents:engine')
    .setJti(randomUUID())
    .setIssuedAt(now - (fields.issuedAgo ?? 0))
    .setExpirationTime(now + (fields.expiresIn ?? 60))
    .sign(new TextEncoder().encode(fields.secret))
}
