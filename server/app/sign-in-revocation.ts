import { closeConnectionsOpenedWith } from './hub-credential-revocation'
import { useAppServices } from './services'

/**
 * Signing out: the session's record is revoked, so its cookie (and any copy of it) opens nothing,
 * and its hub connections, including those opened with hub tokens minted from it, close at once on
 * every instance.
 */
export async function endSession(sessionId: string): Promise<void> {
  await (await useAppServices()).sessions.end(sessionId)
  await closeConnectionsOpenedWith('session', new Set([sessionId]))
}

/**
 * Signing in: a new session for `userId`. The sessions it ends (past the per-user cap) close their hub
 * connections as a sign-out does.
 */
export async function startSignedInSession(userId: string): Promise<string> {
  const { id, ended } = await (await useAppServices()).sessions.start(userId)
  await closeConnectionsOpenedWith('session', new Set(ended))
  return id
}

/** Revoking a personal access token: the same for everything opened with it. */
export async function revokePersonalAccessToken(userId: string, tokenId: string): Promise<void> {
  await (await useAppServices()).personalAccessTokens.revoke(userId, tokenId)
  await closeConnectionsOpenedWith('personal-access-token', new Set([tokenId]))
}
