import type { Principal } from '../signalr/connection/hub-connection'
import type { Credential } from '../tokens/credential'
import type { ReviewScope } from '../tokens/hub-token-issuer'

/** A hub connection opened with a review link: it may follow one campaign, read-only, and nothing else. */
export interface ReviewPrincipal extends Principal {
  readonly name: string
  readonly via: 'review-link'
  readonly review: ReviewScope
  /** The link itself: revoking it closes the connection. */
  readonly credential: Credential & { kind: 'review-link' }
}

/**
 * Each link is its own principal: never a user id, so "the owner's connections" never include a
 * reviewer, and a connection negotiated through one link cannot be taken over with another.
 */
export function reviewPrincipal(scope: ReviewScope): ReviewPrincipal {
  return { userId: `review:${scope.linkId}`, name: 'Reviewer', via: 'review-link', review: scope, credential: { kind: 'review-link', id: scope.linkId } }
}

/** The review scope of a connection's principal; null for a signed-in user's. */
export function reviewScopeOf(principal: Principal): ReviewScope | null {
  return (principal as Partial<ReviewPrincipal>).via === 'review-link' ? (principal as ReviewPrincipal).review : null
}
