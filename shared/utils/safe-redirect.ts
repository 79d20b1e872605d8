/**
 * A stand-in origin to resolve against. Only whether the target stays on it matters, so any origin
 * works, and one that cannot be real keeps the answer the same in the browser and on the server.
 */
const SITE = 'https://site.invalid'

/**
 * Where to go after signing in: a path on this site, or `fallback`. The target is resolved the way
 * a browser would (dot segments, `%2e`, backslashes, tabs and newlines), so `/.//evil.example`
 * cannot pass as a path here and become `//evil.example` once the router normalises it.
 */
export function safeRedirectPath(target: unknown, fallback = '/'): string {
  if (typeof target !== 'string' || !target.startsWith('/')) return fallback
  let resolved: URL
  try {
    resolved = new URL(target, SITE)
  }
  catch {
    return fallback
  }
  if (resolved.origin !== SITE) return fallback
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`
  // `//host` and `/\\host` are protocol-relative to a browser, wherever they come from.
  return /^\/[/\\]/.test(path) ? fallback : path
}
