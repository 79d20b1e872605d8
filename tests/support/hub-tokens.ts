import { SignJWT } from 'jose'

/** The secret test servers sign hub tokens with, so tests can mint expired and forged ones. */
export const TEST_HUB_TOKEN_SECRET = 'test-hub-token-secret-that-is-long-enough-0123456789'

export interface HubTokenFields {
  subject: string
  secret?: string
  audience?: string
  issuer?: string
  /** Seconds from now; negative for an already expired token. */
  expiresIn?: number
  /** The session or personal access token the hub token claims to be minted from. */
  credential?: { kind: 'session' | 'personal-access-token', id: string }
}

export function signHubToken(fields: HubTokenFields): Promise<string> {
  const now = Math.floor(Date.now() / 1000)
  return new SignJWT({ name: 'Someone', ...(fields.credential && { credential: fields.credential }) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(fields.issuer ?? 'marketing-agents')
    .setAudience(fields.audience ?? 'marketing-agents:hub')
    .setSubject(fields.subject)
    .setIssuedAt(now - 3600)
    .setExpirationTime(now + (fields.expiresIn ?? 600))
    .sign(new TextEncoder().encode(fields.secret ?? TEST_HUB_TOKEN_SECRET))
}
