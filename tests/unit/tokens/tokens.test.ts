import { decodeJwt, SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { HUB_TOKEN_AUDIENCE, HUB_TOKEN_ISSUER, HUB_TOKEN_LIFETIME_SECONDS, HubTokenIssuer, looksLikeJwt } from '../../../server/tokens/hub-token-issuer'
import { displayPrefix, generatePersonalAccessToken, hashTokenSecret, looksLikePersonalAccessToken } from '../../../server/tokens/token-secret'

const SECRET = 'unit-test-hub-secret-unit-test-hub-secret'
const una = { userId: 'user-1', name: 'Una', credential: { kind: 'personal-access-token' as const, id: 'token-1' } }

describe('hub tokens', () => {
  it('carry the user as subject, the credential they were minted with, the hub as audience, and expire within 15 minutes', async () => {
    const issuer = new HubTokenIssuer(SECRET)
    const { accessToken, expiresAt } = await issuer.issue(una)
    const claims = decodeJwt(accessToken)
    expect(claims).toMatchObject({ sub: 'user-1', aud: HUB_TOKEN_AUDIENCE, name: 'Una', credential: { kind: 'personal-access-token', id: 'token-1' } })
    expect(claims.exp! - claims.iat!).toBe(HUB_TOKEN_LIFETIME_SECONDS)
    expect(HUB_TOKEN_LIFETIME_SECONDS).toBeLessThanOrEqual(15 * 60)
    expect(expiresAt.getTime()).toBe(claims.exp! * 1000)
    expect(await issuer.verify(accessToken)).toEqual(una)
  })

  it('stop verifying once expired', async () => {
    let now = new Date('2026-01-01T00:00:00Z')
    const issuer = new HubTokenIssuer(SECRET, () => now)
    const { accessToken } = await issuer.issue(una)
    now = new Date(now.getTime() + (HUB_TOKEN_LIFETIME_SECONDS + 1) * 1000)
    expect(await issuer.verify(accessToken)).toBeNull()
  })

  it('do not verify under another key', async () => {
    const { accessToken } = await new HubTokenIssuer(SECRET).issue(una)
    expect(await new HubTokenIssuer(`${SECRET}-other`).verify(accessToken)).toBeNull()
  })

  it('are refused when they do not name a session or personal access token', async () => {
    const key = new TextEncoder().encode(SECRET)
    const sign = (claims: Record<string, unknown>) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' })
      .setIssuer(HUB_TOKEN_ISSUER).setAudience(HUB_TOKEN_AUDIENCE).setSubject('user-1').setIssuedAt().setExpirationTime('5m').sign(key)
    const issuer = new HubTokenIssuer(SECRET)
    for (const credential of [undefined, 'token-1', { kind: 'review-link', id: 'link-1' }, { kind: 'session' }, { kind: 'session', id: 7 }]) {
      expect(await issuer.verify(await sign({ name: 'Una', credential }))).toBeNull()
    }
    expect(await issuer.verify(await sign({ name: 'Una', credential: { kind: 'session', id: 's-1' } }))).toMatchObject({ credential: { kind: 'session', id: 's-1' } })
  })

  it('are told apart from personal access tokens by shape', async () => {
    const { accessToken } = await new HubTokenIssuer(SECRET).issue(una)
    expect(looksLikeJwt(accessToken)).toBe(true)
    expect(looksLikeJwt(generatePersonalAccessToken())).toBe(false)
  })
})

describe('personal access token secrets', () => {
  it('are prefixed, random, and hashed to a fixed-length digest that does not contain them', () => {
    const a = generatePersonalAccessToken()
    const b = generatePersonalAccessToken()
    expect(a).not.toBe(b)
    expect(looksLikePersonalAccessToken(a)).toBe(true)
    expect(looksLikePersonalAccessToken(`${a}x`)).toBe(false)
    expect(looksLikePersonalAccessToken('map_pat_short')).toBe(false)
    expect(hashTokenSecret(a)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashTokenSecret(a)).toBe(hashTokenSecret(a))
    expect(displayPrefix(a)).toBe(a.slice(0, 12))
  })
})
