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
const { closeAppServices, useAppServices } = await import('../../../server/app/services')

describe('authenticateHubToken', () => {
  let user: { id: string, name: string }
  let personalToken: string
  let revokedToken: string
  let hubToken: string

  beforeAll(async () => {
    const services = await useAppServices()
    user = await services.accounts.register({ name: 'Hana', email: 'hana@example.com', password: 'violet-harbour-lantern-42' })
    personalToken = (await services.personalAccessTokens.create(user.id, { name: 'hub', expiresInDays: 1 })).token
    const revoked = await services.personalAccessTokens.create(user.id, { name: 'gone', expiresInDays: 1 })
    await services.personalAccessTokens.revoke(user.id, revoked.id)
    revokedToken = revoked.token
    hubToken = (await services.hubTokens.issue({ userId: user.id, name: user.name })).accessToken
  }, 60_000)
  afterAll(async () => {
    await closeAppServices()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('accepts a hub token from /api/hub/token as that user', async () => {
    expect(await authenticateHubToken(hubToken)).toEqual({ userId: user.id, name: 'Hana', via: 'hub-token' })
  })

  it('accepts a personal access token as its owner', async () => {
    expect(await authenticateHubToken(personalToken)).toEqual({ userId: user.id, name: 'Hana', via: 'personal-access-token' })
  })

  it.each([
    ['missing', async () => undefined],
    ['empty', async () => ''],
    ['a revoked personal access token', async () => revokedToken],
    ['a made-up personal access token', async () => `map_pat_${'b'.repeat(43)}`],
    ['an expired hub token', () => signHubToken({ subject: user.id, expiresIn: -1 })],
    ['a hub token signed with another key', () => signHubToken({ subject: user.id, secret: 'another-secret-another-secret-another-secret' })],
    ['a token for another audience', () => signHubToken({ subject: user.id, audience: 'somewhere-else' })],
    ['a token from another issuer', () => signHubToken({ subject: user.id, issuer: 'someone-else' })],
    ['a hub token for a user that does not exist', () => signHubToken({ subject: '00000000-0000-4000-8000-000000000000' })],
    ['a tampered hub token', async () => hubToken.slice(0, -3) + (hubToken.endsWith('AAA') ? 'BBB' : 'AAA')],
    ['an unsigned token (alg none)', async () => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: user.id, aud: 'marketing-agents:hub', iss: 'marketing-agents', exp: 9999999999 })).toString('base64url')}.`],
    ['garbage', async () => 'not.a.token'],
  ])('refuses %s', async (_, token) => {
    expect(await authenticateHubToken(await token())).toBeNull()
  })
})
