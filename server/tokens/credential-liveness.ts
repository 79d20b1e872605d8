import { credentialKey, type Credential, type CredentialKind } from './credential'

/** Which of a kind's ids are still live, in one query. */
export type LiveIds = (ids: string[]) => Promise<Set<string>>

/**
 * Tells whether credentials still open anything: asked when a hub token is presented (its
 * signature says who minted it, not whether that still holds) and, periodically, for the
 * credentials of every open hub connection.
 */
export class CredentialLiveness {
  constructor(private readonly checks: Record<CredentialKind, LiveIds>) {}

  async isLive(credential: Credential): Promise<boolean> {
    return (await this.checks[credential.kind]([credential.id])).has(credential.id)
  }

  /** The `credentialKey`s of those of `credentials` that are live: one query per kind. */
  async live(credentials: readonly Credential[]): Promise<Set<string>> {
    const idsByKind = new Map<CredentialKind, Set<string>>()
    for (const { kind, id } of credentials) idsByKind.set(kind, (idsByKind.get(kind) ?? new Set()).add(id))
    const answers = await Promise.all([...idsByKind].map(async ([kind, ids]) =>
      [...await this.checks[kind]([...ids])].map(id => credentialKey({ kind, id }))))
    return new Set(answers.flat())
  }
}
