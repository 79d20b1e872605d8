import type { Principal } from '../signalr'
import { credentialKey, type Credential, type CredentialKind } from '../tokens/credential'
import { campaignEndpoint } from './campaign-runtime'
import { useAppServices } from './services'

/** Told to a reviewer whose link stopped working while they watched. */
export const REVIEW_LINK_CLOSED = 'The review link is no longer valid.'
/** Told to a client whose sign-in ended, or whose personal access token was revoked or expired, while connected. */
export const SIGN_IN_ENDED = 'The sign-in or access token this connection was opened with is no longer valid.'

const CLOSE_REASONS: Record<CredentialKind, string> = {
  'session': SIGN_IN_ENDED,
  'personal-access-token': SIGN_IN_ENDED,
  'review-link': REVIEW_LINK_CLOSED,
}

/**
 * Closes every hub connection opened with one of these credentials of one kind, directly or with a
 * hub token minted from it, on every instance. Their clients get a Close message with the reason and
 * do not reconnect. Returns how many closed on this instance.
 */
export async function closeConnectionsOpenedWith(kind: CredentialKind, ids: ReadonlySet<string>): Promise<number> {
  if (ids.size === 0) return 0
  const patterns = [...ids].map(id => ({ credential: { kind, id } }))
  return campaignEndpoint.closeConnectionsEverywhere(patterns, CLOSE_REASONS[kind])
}

/**
 * Closes the connections whose credential lapsed since they connected: it expired, or was revoked
 * while the backplane could not carry the news. Credentials are checked when a connection opens;
 * nothing else tells an open connection that time ran out. Each instance checks its own connections.
 */
export async function closeLapsedConnections(): Promise<number> {
  const open = campaignEndpoint.principals().flatMap(principal => credentialOf(principal) ?? [])
  if (open.length === 0) return 0
  const live = await (await useAppServices()).credentials.live(open)
  const lapsed = new Map<CredentialKind, Set<string>>()
  for (const credential of open) {
    if (!live.has(credentialKey(credential))) lapsed.set(credential.kind, (lapsed.get(credential.kind) ?? new Set()).add(credential.id))
  }
  let closed = 0
  for (const [kind, ids] of lapsed) closed += await closeConnectionsOpenedWith(kind, ids)
  return closed
}

/** Every principal the hub authenticator makes (hub-auth.ts) names its credential. */
function credentialOf(principal: Principal): Credential | null {
  return (principal as { credential?: Credential }).credential ?? null
}
