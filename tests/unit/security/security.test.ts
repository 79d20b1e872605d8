import { describe, expect, it } from 'vitest'
import { addNonce, pageContentSecurityPolicy } from '../../../server/security/content-security-policy'
import { crossSiteRefusal, type MutationRequest } from '../../../server/security/cross-site-check'

const base: MutationRequest = {
  method: 'POST', origin: undefined, secFetchSite: undefined, hasCookie: true, hasAuthorization: false, ownOrigin: 'http://localhost:5001',
}

describe('cross-site mutation check', () => {
  it.each<[string, Partial<MutationRequest>, boolean]>([
    ['same-origin Origin', { origin: 'http://localhost:5001' }, true],
    ['another Origin', { origin: 'https://evil.example' }, false],
    ['the opaque origin "null"', { origin: 'null' }, false],
    ['a different port', { origin: 'http://localhost:5002' }, false],
    ['Sec-Fetch-Site same-origin without Origin', { secFetchSite: 'same-origin' }, true],
    ['Sec-Fetch-Site same-site without Origin', { secFetchSite: 'same-site' }, false],
    ['a cookie and nothing to say where it comes from', {}, false],
    ['no cookie and nothing to say where it comes from (a script)', { hasCookie: false }, true],
    ['an Authorization header, from anywhere', { hasAuthorization: true, origin: 'https://evil.example' }, true],
    ['a GET from anywhere', { method: 'GET', origin: 'https://evil.example' }, true],
  ])('%s → allowed: %s', (_, overrides, allowed) => {
    expect(crossSiteRefusal({ ...base, ...overrides }) === null).toBe(allowed)
  })
})

describe('content security policy', () => {
  it('allows only this origin and the nonce for scripts and styles, and forbids framing', () => {
    const policy = pageContentSecurityPolicy('abc')
    expect(policy).toContain(`script-src 'self' 'nonce-abc'`)
    expect(policy).toContain(`frame-ancestors 'none'`)
    expect(policy).not.toMatch(/unsafe/)
  })

  it('adds the nonce to script, style and link tags, once', () => {
    const html = '<script>a()</script><script type="module" src="/x.js"></script><style>b{}</style><link rel="modulepreload" href="/y.js"><script nonce="old">c()</script><div>script</div>'
    expect(addNonce(html, 'N')).toBe('<script nonce="N">a()</script><script nonce="N" type="module" src="/x.js"></script><style nonce="N">b{}</style><link nonce="N" rel="modulepreload" href="/y.js"><script nonce="old">c()</script><div>script</div>')
  })
})
