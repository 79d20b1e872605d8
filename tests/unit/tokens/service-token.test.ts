import { decodeJwt } from 'jose'
import { describe, expect, it } from 'vitest'
import { HubTokenIssuer } from '../../../server/tokens/hub-token-issuer'
import { SERVICE_TOKEN_AUDIENCE, SERVICE_TOKEN_ISSUER, SERVICE_TOKEN_LIFETIME_SECONDS, ServiceTokenIssuer } from '../../../server/tokens/service-token'

const SECRET = 'unit-test-service-secret-unit-test-service'
const user = { userId: 'user-1', credential: { kind: 'session' as const, id: 'session-1' } }

describe('service tokens', () => {
  it('name the user and the credential behind the call, for the engine only, for a minute', async () => {
    const issuer = new ServiceTokenIssuer(SECRET)
    const token = await issuer.issue(user)
    const claims = decodeJwt(token)
    expect(claims).toMatchObject({ iss: SERVICE_TOKEN_ISSUER, aud: SERVICE_TOKEN_AUDIENCE, sub: 'user-1', credential: { kind: 'session', id: 'session-1' } })
    expect(claims.exp! - claims.iat!).toBe(SERVICE_TOKEN_LIFETIME_SECONDS)
    expect(await issuer.verify(token)).toEqual({ user })
  })

  it('may name nobody: a reviewer\'s call relayed by the web front', async () => {
    const issuer = new ServiceTokenIssuer(SECRET)
    expect(await issuer.verify(await issuer.issue(null))).toEqual({ user: null })
  })

  it('stop verifying once expired', async () => {
    let now = new Date('2026-01-01T00:00:00Z')
    const issuer = new ServiceTokenIssuer(SECRET, () => now)
    const token = await issuer.issue(user)
    now = new Date(now.getTime() + (SERVICE_TOKEN_LIFETIME_SECONDS + 10) * 1000)
    expect(await issuer.verify(token)).toBeNull()
  })

  it('are refused when signed with another secret, and a hub token signed with the same secret is no service token', async () => {
    expect(await new ServiceTokenIssuer(SECRET).verify(await new ServiceTokenIssuer(`${SECRET}-other`).issue(user))).toBeNull()
    const hubToken = (await new HubTokenIssuer(SECRET).issue({ ...user, name: 'Una' })).accessToken
    expect(await new ServiceTokenIssuer(SECRET).verify(hubToken)).toBeNull()
  })
})
