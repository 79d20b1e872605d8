import { useAppServices } from '../app/services'
import { reviewPrincipal, type ReviewPrincipal } from '../reviews/review-principal'
import { looksLikeJwt } from '../tokens/hub-token-issuer'

export interface UserHubPrincipal { userId: string, name: string, via: 'hub-token' | 'personal-access-token' }
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
    // The account must still exist: a hub token does not outlive the user it was issued to.
    const user = claims ? await services.accounts.findUser(claims.userId) : null
    return user ? { userId: user.id, name: user.name, via: 'hub-token' } : null
  }
  const user = await services.personalAccessTokens.authenticate(token)
  return user ? { userId: user.id, name: user.name, via: 'personal-access-token' } : null
}
