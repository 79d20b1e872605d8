import { generateSecret, hasSecretShape } from '../tokens/token-secret'

/** Marks review link secrets, so they are told apart from personal access tokens at a glance. */
export const REVIEW_TOKEN_PREFIX = 'map_rvw_'

export function generateReviewToken(): string {
  return generateSecret(REVIEW_TOKEN_PREFIX)
}

export function looksLikeReviewToken(token: string): boolean {
  return hasSecretShape(token, REVIEW_TOKEN_PREFIX)
}

export function reviewUrl(token: string): string {
  return `/review/${token}`
}
