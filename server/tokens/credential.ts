/**
 * What a caller proved who they are with. Everything opened with a credential (hub tokens minted
 * from it, hub connections) carries its reference, so revoking the credential ends all of it.
 */
export interface Credential {
  kind: CredentialKind
  /** The id of its record: the session, the personal access token or the review link. */
  id: string
}

export type CredentialKind = 'session' | 'personal-access-token' | 'review-link'

/** The credentials a signed-in user calls with (and mints hub tokens from). */
export type SignInCredential = Credential & { kind: 'session' | 'personal-access-token' }

export function isSignInCredential(value: unknown): value is SignInCredential {
  const candidate = value as Partial<Credential> | null
  return typeof candidate?.id === 'string' && (candidate.kind === 'session' || candidate.kind === 'personal-access-token')
}

/** One string per credential, for sets and maps. */
export function credentialKey(credential: Credential): string {
  return `${credential.kind}:${credential.id}`
}
