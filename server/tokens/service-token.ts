import { randomUUID } from 'node:crypto'
import { errors, jwtVerify, SignJWT } from 'jose'
import { isSignInCredential, type SignInCredential } from './credential'

/**
 * Who issues service tokens (a web front) and who accepts them (the engine). Neither matches the
 * hub tokens' issuer or audience, so one kind of token is never taken for the other.
 */
export const SERVICE_TOKEN_ISSUER = 'marketing-agents:web'
export const SERVICE_TOKEN_AUDIENCE = 'marketing-agents:engine'
/** One token per proxied request, used at once: a minute covers the trip and a clock a little off. */
export const SERVICE_TOKEN_LIFETIME_SECONDS = 60
/** Whatever a token's own expiry says, the engine refuses one issued longer ago than this. */
const MAX_TOKEN_AGE_SECONDS = 2 * SERVICE_TOKEN_LIFETIME_SECONDS
const CLOCK_TOLERANCE_SECONDS = 5
const ALGORITHM = 'HS256'

/** The signed-in user a proxied request is made for, and the credential they signed in with. */
export interface ServiceTokenUser {
  userId: string
  credential: SignInCredential
}

/** What a genuine service token says: a request relayed by the web front, for a user or for nobody (a reviewer). */
export interface ServiceCaller {
  user: ServiceTokenUser | null
}

export class ServiceTokenIssuer {
  private readonly key: Uint8Array

  constructor(secret: string, private readonly now: () => Date = () => new Date()) {
    this.key = new TextEncoder().encode(secret)
  }

  issue(user: ServiceTokenUser | null): Promise<string> {
    const issuedAt = Math.floor(this.now().getTime() / 1000)
    const claims = user ? { credential: { kind: user.credential.kind, id: user.credential.id } } : {}
    const token = new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(SERVICE_TOKEN_ISSUER)
      .setAudience(SERVICE_TOKEN_AUDIENCE)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + SERVICE_TOKEN_LIFETIME_SECONDS)
    if (user) token.setSubject(user.userId)
    return token.sign(this.key)
  }

  /** The caller of a genuine, fresh service token; null for anything else (forged, expired, a hub token). */
  async verify(token: string): Promise<ServiceCaller | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: SERVICE_TOKEN_ISSUER,
        audience: SERVICE_TOKEN_AUDIENCE,
        algorithms: [ALGORITHM],
        currentDate: this.now(),
        requiredClaims: ['exp', 'iat', 'jti'],
        maxTokenAge: MAX_TOKEN_AGE_SECONDS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      })
      if (payload.sub === undefined && payload.credential === undefined) return { user: null }
      // A subject without the credential behind it (or the reverse) is no token this issuer makes.
      if (typeof payload.sub !== 'string' || !isSignInCredential(payload.credential)) return null
      return { user: { userId: payload.sub, credential: { kind: payload.credential.kind, id: payload.credential.id } } }
    }
    catch (error) {
      if (error instanceof errors.JOSEError) return null
      throw error
    }
  }
}
