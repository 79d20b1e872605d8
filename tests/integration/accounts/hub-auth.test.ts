import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signHubToken, TEST_HUB_TOKEN_SECRET } from '../../support/hub-tokens'

// authenticateHubToken as the hub calls it, inside this process, on the real services and an
// embedded database in a temporary data directory.
const dataDir = mkdtempSync(join(tmpdir(), 'map-hub-auth-'))
Object.assign(process.env, { DATA_DIR: dataDir, HUB_TOKEN_SECRET: TEST_HUB_TOKEN_SECRET })
delete process.env.DATABASE_URL

const { authenticateHubToken } = await import('../../../server/utils/hub-auth')
type SignInCredential = import('../../../server/tokens/credential').SignInCredential
const { closeAppServices, useAppServices } = await import('../../../server/app/services')

describe('authenticateHubToken', () => {
  let user: { id: string, name: string }
  let personalToken: { id: string, token: string }
  let revokedToken: string
  let hubToken: string
  let hubTokenOfRevoked: string
  let hubTokenOfEndedSession: string

  beforeAll(async () => {
    const services = await useAppServices()
    user = await services.accounts.register({ name: 'Hana', email: 'hana@example.com', password: 'violet-harbour-lantern-42' })
    personalToken = await services.personalAccessTokens.create(user.id, { name: 'hub', expiresInDays: 1 })
    const revoked = await services.personalAccessTokens.create(user.id, { name: 'gone', expiresInDays: 1 })
    const mint = async (credential: SignInCredential) => (await services.hubTokens.issue({ userId: user.id, name: user.name, credential })).accessToken
    hubTokenOfRevoked = await mint({ kind: 'personal-access-token', id: revoked.id })
    await services.personalAccessTokens.revoke(user.id, revoked.id)
    revokedToken = revoked.token
    hubToken = await mint({ kind: 'personal-access-token', id: personalToken.id })
    const { id: sessionId } = await services.sessions.start(user.id)
    hubTokenOfEndedSession = await mint({ kind: 'session', id: sessionId })
    await services.sessions.end(sessionId)
  }, 60_000)
  // Hand-signed tokens name this live credential, so each is refused for the one defect it has.
  const live = () => ({ kind: 'personal-access-token' as const, id: personalToken.id })
  afterAll(async () => {
    await closeAppServices()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('accepts a hub token from /api/hub/token as that user, with the credential it was minted from', async () => {
    expect(await authenticateHubToken(hubToken)).toEqual({
      userId: user.id, name: 'Hana', via: 'hub-token', credential: { kind: 'personal-access-token', id: personalToken.id },
    })
  })

  it('accepts a hub token signed with the server key that names a live credential', async () => {
    expect(await authenticateHubToken(await signHubToken({ subject: user.id, credential: live() }))).toMatchObject({ userId: user.id, via: 'hub-token' })
  })

  it('refuses a hub token that names no credential', async () => {
    expect(await authenticateHubToken(await signHubToken({ subject: user.id }))).toBeNull()
  })

  it('accepts a personal access token as its owner', async () => {
    expect(await authenticateHubToken(personalToken.token)).toEqual({
      userId: user.id, name: 'Hana', via: 'personal-access-token', credential: { kind: 'personal-access-token', id: personalToken.id },
    })
  })

  it.each([
    ['missing', async () => undefined],
    ['empty', async () => ''],
    ['a revoked personal access token', async () => revokedToken],
    ['a made-up personal access token', async () => `map_pat_${'b'.repeat(43)}`],
    ['an expired hub token', () => signHubToken({ subject: user.id, credential: live(), expiresIn: -1 })],
    ['a hub token signed with another key', () => signHubToken({ subject: user.id, credential: live(), secret: 'another-secret-another-secret-another-secret' })],
    ['a token for another audience', () => signHubToken({ subject: user.id, credential: live(), audience: 'somewhere-else' })],
    ['a token from another issuer', () => signHubToken({ subject: user.id, credential: live(), issuer: 'someone-else' })],
    ['a hub token for a user that does not exist', () => signHubToken({ subject: '00000000-0000-4000-8000-000000000000', credential: { kind: 'session', id: '00000000-0000-4000-8000-000000000000' } })],
    ['a hub token minted from a personal access token revoked since', async () => hubTokenOfRevoked],
    ['a hub token minted from a session ended since', async () => hubTokenOfEndedSession],
    ['a tampered hub token', async () => hubToken.slice(0, -3) + (hubToken.endsWith('AAA') ? 'BBB' : 'AAA')],
    ['an unsigned token (alg none)', async () => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: user.id, aud: 'marketing-agents:hub', iss: 'marketing-agents', exp: 9999999999 })).toString('base64url')}.`],
    ['garbage', async () => 'not.a.token'],
  ])('refuses %s', async (_, token) => {
    expect(await authenticateHubToken(await token())).toBeNull()
  })
})
