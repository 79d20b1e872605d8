/**
 * The policy for HTML pages. Scripts and styles come from this origin, and the few inline ones Nuxt
 * writes (its runtime config, the payload) carry this response's nonce; nothing else runs, nothing
 * loads from elsewhere, no page may frame this one. `connectSources`: where else pages may connect
 * (a web front's pages, to the engine's hub).
 */
export function pageContentSecurityPolicy(nonce: string, connectSources: readonly string[] = []): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    `img-src 'self' data:`,
    `font-src 'self'`,
    ['connect-src', `'self'`, ...connectSources].join(' '),
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ')
}

/** For everything that is not a page (JSON, files): nothing may be loaded or framed by it. */
export const RESOURCE_CONTENT_SECURITY_POLICY = `default-src 'none'; frame-ancestors 'none'`

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // Review links carry their token in the path: never send a URL of ours to another site.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Content-Security-Policy': RESOURCE_CONTENT_SECURITY_POLICY,
}

/** Adds `nonce` to every inline or external <script>, <style> and <link> start tag in a chunk of HTML. */
export function addNonce(html: string, nonce: string): string {
  return html.replace(/<(script|style|link)\b(?![^>]*\bnonce=)/gi, `<$1 nonce="${nonce}"`)
}
