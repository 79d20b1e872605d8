export interface MutationRequest {
  method: string
  /** The Origin header, when the client sent one. */
  origin: string | undefined
  /** The Sec-Fetch-Site header, when the client sent one. */
  secFetchSite: string | undefined
  hasCookie: boolean
  hasAuthorization: boolean
  /** This server's own origin, e.g. http://localhost:5001. */
  ownOrigin: string
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Why a request that changes something must be refused as cross-site, or null to let it through.
 * Browsers attach cookies to requests other sites trigger (SameSite=Lax still allows some), so a
 * cookie proves nothing about who asked; browsers always say where a request comes from, though.
 * A request carrying its own Authorization header is not riding on ambient credentials and passes.
 */
export function crossSiteRefusal(request: MutationRequest): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase()) || request.hasAuthorization) return null
  if (request.origin !== undefined) {
    return request.origin === request.ownOrigin ? null : `Requests from ${describeOrigin(request.origin)} may not change anything here`
  }
  if (request.secFetchSite !== undefined) {
    return ['same-origin', 'none'].includes(request.secFetchSite) ? null : 'Cross-site requests may not change anything here'
  }
  // No browser provenance at all: fine for scripts without cookies, refused when a cookie would be used.
  return request.hasCookie ? 'A request authenticated by a cookie must carry an Origin header' : null
}

function describeOrigin(origin: string): string {
  return origin === 'null' ? 'an opaque origin' : 'another origin'
}
