import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, bearer, registerUser, type RegisteredUser } from '../../support/api-client'
import { startApp, type RunningApp } from '../../support/app-server'
import { connectCampaignHub, hubTokenFrom, openCampaignHub } from '../../support/campaign-hub'
import { negotiateStatus } from '../../support/review-hub'

/** What a client is told when its credential ends under it (server/app/hub-credential-revocation.ts). */
const ENDED = /no longer valid/

// The official client, over each transport that holds a connection open, as revocation ends it.
describe.each(['WebSockets', 'ServerSentEvents'] as const)('hub connections over %s when their credential ends', (transport) => {
  let app: RunningApp
  let user: RegisteredUser
  let anonymous: ApiClient
  beforeAll(async () => {
    app = await startApp({ RATE_LIMIT_PER_MINUTE: '100000' })
    user = await registerUser(app.url)
    anonymous = user.client.anonymous()
  })
  afterAll(() => app?.stop())

  async function createToken(name: string): Promise<{ id: string, token: string }> {
    const response = await user.client.post('/api/tokens', { name, password: user.password })
    if (response.status !== 201) throw new Error(`Token refused: ${response.status}`)
    return response.body
  }

  it('revoking a personal access token closes the connections opened with it or with hub tokens minted from it', async () => {
    const token = await createToken('script')
    const kept = await createToken('other script')
    const minted = await hubTokenFrom(anonymous, bearer(token.token))
    const direct = await openCampaignHub(app.url, () => token.token, { transport })
    const throughHubToken = await openCampaignHub(app.url, () => hubTokenFrom(anonymous, bearer(token.token)), { transport })
    const bystander = await openCampaignHub(app.url, () => kept.token, { transport })
    const browser = await connectCampaignHub(app.url, user.client, { transport })

    expect((await user.client.delete(`/api/tokens/${token.id}`)).status).toBe(204)
    expect(String(await direct.closed)).toMatch(ENDED)
    expect(String(await throughHubToken.closed)).toMatch(ENDED)
    // Only that token's connections: another token's, and the session's, stay.
    expect(bystander.connection.state).toBe('Connected')
    expect(browser.connection.state).toBe('Connected')
    await Promise.all([bystander.connection.stop(), browser.connection.stop()])

    // The hub token is still signed and unexpired: the token it was minted from decides.
    expect(await negotiateStatus(app.url, minted)).toBe(401)
    expect(await negotiateStatus(app.url, token.token)).toBe(401)
  })

  it('signing out closes the session\'s connections, and its hub tokens stop opening the hub', async () => {
    const person = await registerUser(app.url)
    const otherBrowser = new ApiClient(app.url)
    expect((await otherBrowser.post('/api/auth/login', { email: person.email, password: person.password })).status).toBe(200)
    const minted = await hubTokenFrom(person.client)
    const signingOut = await connectCampaignHub(app.url, person.client, { transport })
    const stayingIn = await connectCampaignHub(app.url, otherBrowser, { transport })

    expect((await person.client.post('/api/auth/logout')).status).toBe(204)
    expect(String(await signingOut.closed)).toMatch(ENDED)
    expect(stayingIn.connection.state).toBe('Connected')
    await stayingIn.connection.stop()
    expect(await negotiateStatus(app.url, minted)).toBe(401)
  })
})
