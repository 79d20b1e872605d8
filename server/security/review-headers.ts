/**
 * What review pages and their API answer with, besides the usual security headers: the token is in
 * the URL, so search engines must not index it (Referrer-Policy: no-referrer already keeps it from
 * leaking to other sites; it is repeated so these answers never depend on the default).
 */
export const REVIEW_HEADERS: Readonly<Record<string, string>> = {
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex',
}

/** The reviewer's page (`/review/{token}`) and API (`/api/review/{token}/…`). */
export function isReviewPath(path: string): boolean {
  return /^\/(api\/)?review(\/|$)/.test(path)
}
