/**
 * Where to go after signing in. Only paths on this site are followed: `//evil.example` and
 * `/\evil.example` are protocol-relative URLs to browsers, so they fall back to the home page.
 */
export function safeRedirectPath(target: unknown, fallback = '/'): string {
  if (typeof target !== 'string' || !target.startsWith('/')) return fallback
  if (target.startsWith('//') || target.startsWith('/\\')) return fallback
  // Control characters (a tab or newline inside '/\t/evil') are stripped by URL parsers.
  if ([...target].some(char => char.charCodeAt(0) < 0x20)) return fallback
  return target
}
