import { beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, bearer, registerUser, type RegisteredUser } from '../../support/api-client'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import { createCampaign, expectFieldErrors, expectProblem, runToEnd } from '../../support/campaigns'
import { useCampaignApp } from '../../support/campaign-suite'

/** The contract's campaign calls that do not need a run in flight: validation, auth, reading. */
describe('the campaigns REST API', () => {
  const suite = useCampaignApp()

  describe('create', () => {
    it('answers 201 with the campaign, its Location, and the brief as sent plus defaults', async () => {
      const response = await suite.owner.client.post('/api/campaigns', { ...SAMPLE_BRIEF, platforms: undefined })
      expect(response.status).toBe(201)
      expect(response.headers.get('location')).toBe(`/api/campaigns/${response.body.id}`)
      expect(response.body).toMatchObject({
        id: expect.stringMatching(/^camp_/), status: 'Created', stage: null, completedAt: null, artifacts: [],
        complianceStatus: 'NotAudited', complianceScore: null,
        brief: { theme: SAMPLE_BRIEF.theme, platforms: ['x', 'linkedin', 'instagram'], executionMode: 'parallel' },
      })
    })

    it('names each invalid field in a 400 Problem Details, and stores nothing', async () => {
      const before = (await suite.owner.client.get('/api/campaigns')).body.totalCount
      const { theme: _theme, ...withoutTheme } = SAMPLE_BRIEF
      expectFieldErrors(await suite.owner.client.post('/api/campaigns', withoutTheme), ['theme'])
      expectFieldErrors(await suite.owner.client.post('/api/campaigns', { ...SAMPLE_BRIEF, theme: '   ' }), ['theme'])
      expectFieldErrors(await suite.owner.client.post('/api/campaigns', { ...SAMPLE_BRIEF, tone: 'x'.repeat(101) }), ['tone'])
      expectFieldErrors(await suite.owner.client.post('/api/campaigns', { ...SAMPLE_BRIEF, platforms: ['x', 'myspace'] }), ['platforms.1'])
      expectFieldErrors(await suite.owner.client.post('/api/campaigns', { ...SAMPLE_BRIEF, brand: { palette: ['#12345', 'teal'] } }), ['brand.palette.0', 'brand.palette.1'])

      // Several problems at once are all reported, so a form can show them together.
      const many = await suite.owner.client.post('/api/campaigns', { product: '', targetAudience: 'runners', tone: 'calm', executionMode: 'sideways' })
      expectFieldErrors(many, ['theme', 'product', 'executionMode'])
      expect(many.body.title).toBe('Validation failed')
      expect((await suite.owner.client.get('/api/campaigns')).body.totalCount).toBe(before)
    })

    it('refuses a body that is not JSON with a Problem Details', async () => {
      expectProblem(await suite.owner.client.request('POST', '/api/campaigns', { body: '{"theme":', headers: { 'Content-Type': 'application/json' } }), 400)
    })
  })

  it('answers 401 Problem Details to every campaign call without credentials', async () => {
    const id = await createCampaign(suite.owner.client)
    const anonymous = new ApiClient(suite.app.url)
    for (const [method, path] of [
      ['GET', '/api/campaigns'], ['POST', '/api/campaigns'], ['GET', `/api/campaigns/${id}`], ['POST', `/api/campaigns/${id}/generate`],
      ['GET', `/api/campaigns/${id}/artifacts`], ['GET', `/api/campaigns/${id}/compliance`], ['DELETE', `/api/campaigns/${id}`],
      ['POST', `/api/campaigns/${id}/cancel`], ['POST', `/api/campaigns/${id}/artifacts/Copy/approve`],
    ] as const) {
      const response = await anonymous.request(method, path, { json: method === 'POST' ? SAMPLE_BRIEF : undefined })
      expectProblem(response, 401)
    }
    expectProblem(await anonymous.get('/api/campaigns', bearer('map_not-a-real-token')), 401)
  })

  it('accepts a personal access token (Bearer) on campaign endpoints', async () => {
    const user = await registerUser(suite.app.url)
    const { token } = (await user.client.post('/api/tokens', { name: 'automation', password: user.password })).body
    // A script with only the token: no cookie, no browser Origin.
    const script = new ApiClient(suite.app.url, { ...bearer(token), Origin: '' })
    const created = await script.post('/api/campaigns', SAMPLE_BRIEF)
    expect(created.status).toBe(201)
    const id = created.body.id
    expect((await script.get(`/api/campaigns/${id}`)).body).toMatchObject({ id, status: 'Created' })
    expect((await script.get('/api/campaigns')).body.items.map((item: { id: string }) => item.id)).toEqual([id])
    await runToEnd(script, id, '/generate')
    expect((await script.get(`/api/campaigns/${id}/artifacts`)).body.artifacts).toHaveLength(3)
    // The token's owner sees the same campaign through the session.
    expect((await user.client.get(`/api/campaigns/${id}`)).body.status).toBe('Completed')
  })

  describe('list', () => {
    let lister: RegisteredUser
    const ids: string[] = []
    beforeAll(async () => {
      lister = await registerUser(suite.app.url)
      for (const theme of ['First', 'Second', 'Third']) ids.push(await createCampaign(lister.client, { ...SAMPLE_BRIEF, theme }))
      await runToEnd(lister.client, ids[1]!, '/generate')
    })

    it('pages newest first with page, pageSize, totalCount and totalPages', async () => {
      const first = await lister.client.get('/api/campaigns?page=1&pageSize=2')
      expect(first.status).toBe(200)
      expect(first.body).toMatchObject({ page: 1, pageSize: 2, totalCount: 3, totalPages: 2 })
      const second = (await lister.client.get('/api/campaigns?page=2&pageSize=2')).body
      expect([...first.body.items, ...second.items].map((item: { id: string }) => item.id)).toEqual([...ids].reverse())
      expect(second.items[0]).toMatchObject({ theme: 'First', status: 'Created', complianceStatus: 'NotAudited' })
      // Past the last page: an empty page, not an error.
      expect((await lister.client.get('/api/campaigns?page=3&pageSize=2')).body).toMatchObject({ items: [], totalCount: 3, totalPages: 2 })
      expect((await lister.client.get('/api/campaigns')).body).toMatchObject({ page: 1, pageSize: 20, totalPages: 1 })
      expect((await lister.client.get('/api/campaigns?pageSize=100')).status).toBe(200)
    })

    it('filters by status', async () => {
      const completed = (await lister.client.get('/api/campaigns?status=Completed')).body
      expect(completed).toMatchObject({ totalCount: 1, totalPages: 1 })
      expect(completed.items[0]).toMatchObject({ id: ids[1], status: 'Completed', complianceStatus: 'Pass', complianceScore: expect.any(Number) })
      expect((await lister.client.get('/api/campaigns?status=Created')).body.items.map((item: { id: string }) => item.id)).toEqual([ids[2], ids[0]])
      expect((await lister.client.get('/api/campaigns?status=Cancelled')).body).toMatchObject({ items: [], totalCount: 0, totalPages: 0 })
    })

    it('searches theme and product without regard to case, taking % and _ as themselves', async () => {
      const searcher = await registerUser(suite.app.url)
      const jacket = await createCampaign(searcher.client, { ...SAMPLE_BRIEF, theme: 'Storm season', product: 'Cloudburst 100%_dry jacket' })
      const shoe = await createCampaign(searcher.client, { ...SAMPLE_BRIEF, theme: 'Cloudy mornings' })
      const found = async (q: string) => (await searcher.client.get(`/api/campaigns?q=${encodeURIComponent(q)}`)).body.items.map((item: { id: string }) => item.id)
      expect(await found('CLOUDBURST')).toEqual([jacket])
      expect(await found('cloud')).toEqual([shoe, jacket])
      expect(await found('100%_')).toEqual([jacket])
      expect(await found('%')).toEqual([jacket])
      expect(await found('_dry')).toEqual([jacket])
      expect(await found('1_0')).toEqual([])
      expect(await found('ridgeline')).toEqual([shoe])
      // Never another user's campaigns.
      expect(await found('Storm')).toEqual([jacket])
      expect((await lister.client.get('/api/campaigns?q=Storm')).body.items).toEqual([])
    })

    it('sorts by creation or by last change, either way round', async () => {
      const order = async (sort: string) => (await lister.client.get(`/api/campaigns?sort=${sort}`)).body.items.map((item: { id: string }) => item.id)
      expect(await order('-created')).toEqual([...ids].reverse())
      expect(await order('created')).toEqual(ids)
      // The generated campaign changed last.
      expect((await order('-updated'))[0]).toBe(ids[1])
      expect((await order('updated')).at(-1)).toBe(ids[1])
      const [item] = (await lister.client.get('/api/campaigns?sort=-updated')).body.items
      expect(Date.parse(item.updatedAt)).toBeGreaterThan(Date.parse(item.createdAt))
    })

    it('answers 400 naming the bad query parameter', async () => {
      expectFieldErrors(await lister.client.get(`/api/campaigns?q=${'a'.repeat(101)}`), ['q'])
      expectFieldErrors(await lister.client.get('/api/campaigns?stage=Writing'), ['stage'])
      expectFieldErrors(await lister.client.get('/api/campaigns?sort=theme'), ['sort'])
      expectFieldErrors(await lister.client.get('/api/campaigns?pageSize=101'), ['pageSize'])
      expectFieldErrors(await lister.client.get('/api/campaigns?page=0'), ['page'])
      expectFieldErrors(await lister.client.get('/api/campaigns?page=two'), ['page'])
      expectFieldErrors(await lister.client.get('/api/campaigns?status=Done'), ['status'])
    })
  })

  describe('one campaign, its artifacts and its audit', () => {
    let id: string
    beforeAll(async () => {
      id = await createCampaign(suite.owner.client)
    })

    it('answers 404 with a clear detail for the audit before any run, and for an unknown campaign', async () => {
      const before = await suite.owner.client.get(`/api/campaigns/${id}/compliance`)
      expectProblem(before, 404)
      expect(before.body.detail).toMatch(/not been audited/i)
      expect((await suite.owner.client.get(`/api/campaigns/${id}/artifacts`)).body).toEqual({ campaignId: id, artifacts: [] })
      for (const path of ['', '/artifacts', '/compliance']) expectProblem(await suite.owner.client.get(`/api/campaigns/camp_unknown${path}`), 404)
    })

    it('after a run: the detail, the current artifacts filtered by type, and the audit', async () => {
      await runToEnd(suite.owner.client, id, '/generate')
      const detail = (await suite.owner.client.get(`/api/campaigns/${id}`)).body
      expect(detail).toMatchObject({ id, status: 'Completed', brief: { theme: SAMPLE_BRIEF.theme }, complianceStatus: 'Pass', revisionNumber: 0 })
      expect(Date.parse(detail.completedAt)).toBeGreaterThanOrEqual(Date.parse(detail.createdAt))
      expect(detail.artifacts.map((artifact: { type: string }) => artifact.type).sort()).toEqual(['Copy', 'ShortCopy', 'Visual'])
      for (const artifact of detail.artifacts) expect(artifact).toMatchObject({ status: 'Passed', iteration: 1, createdAt: expect.any(String) })

      const all = (await suite.owner.client.get(`/api/campaigns/${id}/artifacts`)).body
      expect(all.artifacts).toHaveLength(3)
      const visual = await suite.owner.client.get(`/api/campaigns/${id}/artifacts?type=Visual`)
      expect(visual.body.artifacts).toHaveLength(1)
      expect(visual.body.artifacts[0]).toMatchObject({ type: 'Visual', campaignId: id, agentName: expect.any(String), content: expect.any(String) })
      expect(visual.body.artifacts[0].metadata.concepts.length).toBeGreaterThanOrEqual(2)
      expectFieldErrors(await suite.owner.client.get(`/api/campaigns/${id}/artifacts?type=Poster`), ['type'])

      const audit = await suite.owner.client.get(`/api/campaigns/${id}/compliance`)
      expect(audit.status).toBe(200)
      expect(audit.body).toMatchObject({ campaignId: id, isCompliant: true, verdict: 'Pass', issues: expect.any(Array), feedback: expect.any(String) })
      expect(audit.body.complianceScore).toBe(detail.complianceScore)
    })
  })
})
