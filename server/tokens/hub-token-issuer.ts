import { randomUUID } from 'node:crypto'
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose'
import { isSignInCredential, type SignInCredential } from './credential'

/** Who issues hub tokens and who accepts them: a hub token is refused everywhere else (REST included). */
export const HUB_TOKEN_ISSUER = 'marketing-agents'
export const HUB_TOKEN_AUDIENCE = 'marketing-agents:hub'
/** Short-lived: a leaked hub token is useless within minutes; clients ask for a new one per connection. */
export const HUB_TOKEN_LIFETIME_SECONDS = 15 * 60
const ALGORITHM = 'HS256'

export interface HubTokenClaims {
  userId: string
  name: string
  /** What the token was minted with: it opens the hub only while that is live. */
  credential: SignInCredential
}

/** What a review hub token allows: following one campaign, through one review link. */
export interface ReviewScope {
  linkId: string
  campaignId: string
}

export interface IssuedHubToken {
  accessToken: string
  expiresAt: Date
}

export class HubTokenIssuer {
  private readonly key: Uint8Array

  constructor(secret: string, private readonly now: () => Date = () => new Date()) {
    this.key = new TextEncoder().encode(secret)
  }

  issue(user: HubTokenClaims): Promise<IssuedHubToken> {
    return this.sign(user.userId, { name: user.name, credential: { kind: user.credential.kind, id: user.credential.id } })
  }

  /**
   * A token for a reviewer without an account. Its subject names the link, never a user, and it
   * expires with the link when that comes sooner than the usual lifetime.
   */
  issueForReview(scope: ReviewScope, notAfter: Date): Promise<IssuedHubToken> {
    return this.sign(`review:${scope.linkId}`, { review: { linkId: scope.linkId, campaignId: scope.campaignId } }, notAfter)
  }

  /**
   * The claims of a genuine, unexpired user hub token; null for anything else, review tokens
   * included, and tokens that do not name the credential they were minted with.
   */
  async verify(token: string): Promise<HubTokenClaims | null> {
    const payload = await this.decode(token)
    if (!payload || payload.review !== undefined || typeof payload.sub !== 'string' || !isSignInCredential(payload.credential)) return null
    const { kind, id } = payload.credential
    return { userId: payload.sub, name: typeof payload.name === 'string' ? payload.name : '', credential: { kind, id } }
  }

  /** The scope of a genuine, unexpired review hub token; null for anything else. */
  async verifyReview(token: string): Promise<ReviewScope | null> {
    const review = (await this.decode(token))?.review as Partial<ReviewScope> | undefined
    if (typeof review?.linkId !== 'string' || typeof review.campaignId !== 'string') return null
    return { linkId: review.linkId, campaignId: review.campaignId }
  }

  private async sign(subject: string, claims: JWTPayload, notAfter?: Date): Promise<IssuedHubToken> {
    const issuedAt = Math.floor(this.now().getTime() / 1000)
    const latest = notAfter ? Math.floor(notAfter.getTime() / 1000) : Number.POSITIVE_INFINITY
    const expiresAt = Math.min(issuedAt + HUB_TOKEN_LIFETIME_SECONDS, latest)
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(HUB_TOKEN_ISSUER)
      .setAudience(HUB_TOKEN_AUDIENCE)
      .setSubject(subject)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key)
    return { accessToken, expiresAt: new Date(expiresAt * 1000) }
  }

  private async decode(token: string): Promise<JWTPayload | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: HUB_TOKEN_ISSUER,
        audience: HUB_TOKEN_AUDIENCE,
        algorithms: [ALGORITHM],
        currentDate: this.now(),
        requiredClaims: ['sub', 'exp'],
      })
      return payload
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
