import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerUser, type RegisteredUser } from '../../support/api-client'
import type { RunningApp } from '../../support/app-server'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import { createCampaign, expectFieldErrors, expectProblem, startCampaignApp } from '../../support/campaigns'

const KIT = {
  name: 'Ridgeline',
  accountName: 'Ridgeline Running',
  voice: 'Plain, upbeat, never boastful.',
  exampleSentences: ['Lace up. The trail is waiting.'],
  palette: ['#0F766E', '#F8FAFC'],
  bannedTerms: ['cheap'],
  requiredHashtags: ['Ridgeline'],
  requiredDisclaimer: 'Free returns within 30 days.',
}
const CAP = 3

describe('brand kits over REST', () => {
  let app: RunningApp
  let owner: RegisteredUser
  let stranger: RegisteredUser
  beforeAll(async () => {
    app = await startCampaignApp({ BRAND_KITS_PER_USER: String(CAP) })
    owner = await registerUser(app.url)
    stranger = await registerUser(app.url)
  })
  afterAll(() => app?.stop())

  it('are created, listed by name, read, replaced and deleted by their owner', async () => {
    const created = await owner.client.post('/api/brand-kits', KIT)
    expect(created.status).toBe(201)
    expect(created.headers.get('location')).toBe(`/api/brand-kits/${created.body.id}`)
    expect(created.body).toMatchObject({ ...KIT, requiredHashtags: ['#Ridgeline'], id: expect.any(String), createdAt: expect.any(String) })
    const another = await owner.client.post('/api/brand-kits', { name: 'Alpine' })
    expect(another.body).toMatchObject({ name: 'Alpine', exampleSentences: [], palette: [] })

    expect((await owner.client.get('/api/brand-kits')).body.items.map((kit: { name: string }) => kit.name)).toEqual(['Alpine', 'Ridgeline'])
    expect((await owner.client.get(`/api/brand-kits/${created.body.id}`)).body).toEqual(created.body)

    const replaced = await owner.client.put(`/api/brand-kits/${created.body.id}`, { ...KIT, voice: 'Quieter now.', exampleSentences: [] })
    expect(replaced.status).toBe(200)
    expect(replaced.body).toMatchObject({ id: created.body.id, voice: 'Quieter now.', exampleSentences: [] })
    expect(Date.parse(replaced.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.body.updatedAt))

    expect((await owner.client.delete(`/api/brand-kits/${another.body.id}`)).status).toBe(204)
    expectProblem(await owner.client.get(`/api/brand-kits/${another.body.id}`), 404)
    expect((await owner.client.get('/api/brand-kits')).body.items).toHaveLength(1)
    expect((await owner.client.delete(`/api/brand-kits/${created.body.id}`)).status).toBe(204)
  })

  it('are another user\'s 404 for every method, and ids not shaped like one are 404 too', async () => {
    const kit = (await owner.client.post('/api/brand-kits', KIT)).body
    expect((await stranger.client.get('/api/brand-kits')).body.items).toEqual([])
    expectProblem(await stranger.client.get(`/api/brand-kits/${kit.id}`), 404)
    expectProblem(await stranger.client.put(`/api/brand-kits/${kit.id}`, KIT), 404)
    expectProblem(await stranger.client.delete(`/api/brand-kits/${kit.id}`), 404)
    expectProblem(await owner.client.get('/api/brand-kits/not-a-kit'), 404)
    expectProblem(await owner.client.get(`/api/brand-kits/${randomUUID()}`), 404)
    // Untouched by the stranger's attempts.
    expect((await owner.client.get(`/api/brand-kits/${kit.id}`)).body).toEqual(kit)
    expect((await owner.client.delete(`/api/brand-kits/${kit.id}`)).status).toBe(204)
  })

  it('refuse fields past their bounds with Problem Details naming each field', async () => {
    const response = await owner.client.post('/api/brand-kits', { ...KIT, name: '', voice: 'v'.repeat(1001), palette: ['teal'], exampleSentences: Array(6).fill('Hi.') })
    expectFieldErrors(response, ['name', 'voice', 'palette.0', 'exampleSentences'])
    expectProblem(await owner.client.put(`/api/brand-kits/${randomUUID()}`, { name: '' }), 400)
    expect((await owner.client.get('/api/brand-kits')).body.items).toEqual([])
  })

  it('stop at the per-user cap with a 409, even when saves race, and take one again after a delete', async () => {
    const attempts = await Promise.all(Array.from({ length: CAP + 3 }, (_, index) => owner.client.post('/api/brand-kits', { name: `Kit ${index}` })))
    expect(attempts.filter(response => response.status === 201)).toHaveLength(CAP)
    const refused = attempts.find(response => response.status === 409)!
    expectProblem(refused, 409)
    expect(refused.body).toMatchObject({ type: '/problems/brand-kit-limit', detail: expect.stringContaining(`${CAP} brand kits`) })
    // The cap is per user: another account saves freely.
    expect((await stranger.client.post('/api/brand-kits', KIT)).status).toBe(201)

    const kits = (await owner.client.get('/api/brand-kits')).body.items
    expect(kits).toHaveLength(CAP)
    expect((await owner.client.delete(`/api/brand-kits/${kits[0].id}`)).status).toBe(204)
    expect((await owner.client.post('/api/brand-kits', KIT)).status).toBe(201)
    for (const kit of (await owner.client.get('/api/brand-kits')).body.items) await owner.client.delete(`/api/brand-kits/${kit.id}`)
  })

  it('are copied into a campaign\'s brief: editing or deleting the kit later leaves the campaign as launched', async () => {
    const kit = (await owner.client.post('/api/brand-kits', KIT)).body
    const { id: kitId, name, createdAt: _created, updatedAt: _updated, ...fields } = kit
    const id = await createCampaign(owner.client, { ...SAMPLE_BRIEF, brand: { name, ...fields, kitId } })
    const launched = (await owner.client.get(`/api/campaigns/${id}`)).body.brief.brand
    expect(launched).toEqual({ name, ...fields, kitId })

    await owner.client.put(`/api/brand-kits/${kitId}`, { ...KIT, name: 'Renamed', palette: ['#000000'], bannedTerms: [] })
    expect((await owner.client.get(`/api/campaigns/${id}`)).body.brief.brand).toEqual(launched)
    expect((await owner.client.delete(`/api/brand-kits/${kitId}`)).status).toBe(204)
    expect((await owner.client.get(`/api/campaigns/${id}`)).body.brief.brand).toEqual(launched)
    // The brief's checks were read from the copy: its banned term is still checked.
    const checks = (await owner.client.get(`/api/campaigns/${id}`)).body.briefChecks.checks
    expect(JSON.stringify(checks)).toContain('cheap')
  })

  it('are named in a brief only when they are the caller\'s own', async () => {
    const theirs = (await stranger.client.post('/api/brand-kits', { name: 'Theirs' })).body
    expectFieldErrors(await owner.client.post('/api/campaigns', { ...SAMPLE_BRIEF, brand: { name: 'Mine', kitId: theirs.id } }), ['brand.kitId'])
    expectFieldErrors(await owner.client.post('/api/campaigns', { ...SAMPLE_BRIEF, brand: { name: 'Mine', kitId: randomUUID() } }), ['brand.kitId'])
  })

  it('need a signed-in caller', async () => {
    const anonymous = owner.client.anonymous()
    expectProblem(await anonymous.get('/api/brand-kits'), 401)
    expectProblem(await anonymous.post('/api/brand-kits', KIT), 401)
  })
})
