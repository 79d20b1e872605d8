import { randomUUID } from 'node:crypto'
import { errors, jwtVerify, SignJWT } from 'jose'

/** Who issues hub tokens and who accepts them: a hub token is refused everywhere else (REST included). */
export const HUB_TOKEN_ISSUER = 'marketing-agents'
export const HUB_TOKEN_AUDIENCE = 'marketing-agents:hub'
/** Short-lived: a leaked hub token is useless within minutes; clients ask for a new one per connection. */
export const HUB_TOKEN_LIFETIME_SECONDS = 15 * 60
const ALGORITHM = 'HS256'

export interface HubTokenClaims {
  userId: string
  name: string
}

export class HubTokenIssuer {
  private readonly key: Uint8Array

  constructor(secret: string, private readonly now: () => Date = () => new Date()) {
    this.key = new TextEncoder().encode(secret)
  }

  async issue(user: HubTokenClaims): Promise<{ accessToken: string, expiresAt: Date }> {
    const issuedAt = Math.floor(this.now().getTime() / 1000)
    const expiresAt = issuedAt + HUB_TOKEN_LIFETIME_SECONDS
    const accessToken = await new SignJWT({ name: user.name })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(HUB_TOKEN_ISSUER)
      .setAudience(HUB_TOKEN_AUDIENCE)
      .setSubject(user.userId)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key)
    return { accessToken, expiresAt: new Date(expiresAt * 1000) }
  }

  /** The claims of a genuine, unexpired hub token; null for anything else. */
  async verify(token: string): Promise<HubTokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: HUB_TOKEN_ISSUER,
        audience: HUB_TOKEN_AUDIENCE,
        algorithms: [ALGORITHM],
        currentDate: this.now(),
        requiredClaims: ['sub', 'exp'],
      })
      if (typeof payload.sub !== 'string') return null
      return { userId: payload.sub, name: typeof payload.name === 'string' ? payload.name : '' }
    }
    catch (error) {
      if (error instanceof errors.JOSEError) return null
      throw error
    }
  }
}

/** A compact JWS has three dot-separated parts; personal access tokens have none. */
export function looksLikeJwt(token: string): boolean {
  return token.split('.').length === 3
}
