import { useAppServices } from '../app/services'
import { looksLikeJwt } from '../tokens/hub-token-issuer'

export interface HubPrincipal { userId: string, name: string, via: 'hub-token' | 'personal-access-token' }

/** Resolves a bearer token presented to the hub; null when missing, expired, revoked or forged. */
export async function authenticateHubToken(token: string | undefined): Promise<HubPrincipal | null> {
  if (!token) return null
  const services = await useAppServices()
  if (looksLikeJwt(token)) {
    const claims = await services.hubTokens.verify(token)
    // The account must still exist: a hub token does not outlive the user it was issued to.
    const user = claims ? await services.accounts.findUser(claims.userId) : null
    return user ? { userId: user.id, name: user.name, via: 'hub-token' } : null
  }
  const user = await services.personalAccessTokens.authenticate(token)
  return user ? { userId: user.id, name: user.name, via: 'personal-access-token' } : null
}
