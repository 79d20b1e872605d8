import { useAppServices } from '../app/services'
import { reviewPrincipal, type ReviewPrincipal } from '../reviews/review-principal'
import type { SignInCredential } from '../tokens/credential'
import { looksLikeJwt } from '../tokens/hub-token-issuer'

export interface UserHubPrincipal {
  userId: string
  name: string
  via: 'hub-token' | 'personal-access-token'
  /** The session or personal access token behind the connection: revoking it closes the connection. */
  credential: SignInCredential
}
export type HubPrincipal = UserHubPrincipal | ReviewPrincipal

/** Resolves a bearer token presented to the hub; null when missing, expired, revoked or forged. */
export async function authenticateHubToken(token: string | undefined): Promise<HubPrincipal | null> {
  if (!token) return null
  const services = await useAppServices()
  if (looksLikeJwt(token)) {
    const scope = await services.hubTokens.verifyReview(token)
    // The signature is not enough: a revoked or expired link opens nothing, even with a fresh token.
    if (scope) return await services.reviewLinks.isUsable(scope.linkId) ? reviewPrincipal(scope) : null
    const claims = await services.hubTokens.verify(token)
    // Nor for a user's hub token: it dies with the session or personal access token it was minted
    // from (signed out, revoked, expired, or its account deleted, which deletes both).
    if (!claims || !await services.credentials.isLive(claims.credential)) return null
    return { userId: claims.userId, name: claims.name, via: 'hub-token', credential: claims.credential }
  }
  const found = await services.personalAccessTokens.authenticate(token)
  if (!found) return null
  return { userId: found.user.id, name: found.user.name, via: 'personal-access-token', credential: { kind: 'personal-access-token', id: found.tokenId } }
}
