/**
 * What the engine owns, and a web front hands over: campaigns (their runs, artifacts, audits and
 * review links), the brand kits campaigns are launched with, and everything a reviewer calls.
 * Accounts, sessions, tokens and the pages stay.
 */
const ENGINE_PREFIXES = ['/api/campaigns', '/api/brand-kits', '/api/review']

export function isEngineOwnedPath(path: string): boolean {
  return ENGINE_PREFIXES.some(prefix => path === prefix || path.startsWith(`${prefix}/`))
}
