import { describe, expect, it } from 'vitest'
import { VERSIONS_PAGE_TEXT_BYTES, postTextLimit } from '#shared/campaign'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import { expectFieldErrors, expectProblem, generatedCampaign } from '../../support/campaigns'
import { useCampaignApp } from '../../support/campaign-suite'

const ALL_PLATFORMS = ['x', 'linkedin', 'instagram', 'facebook', 'tiktok']

/** An artifact's history over REST: a page at a time, so a long history of large versions never comes whole. */
describe('the versions of an artifact', () => {
  const suite = useCampaignApp()
  const client = () => suite.owner.client

  /**
   * Saves `count` edits of the campaign's short copy, each post `postLength` characters or as many as
   * its platform takes, padded with `padding`; the last version's id.
   */
  async function editShortCopy(id: string, count: number, postLength: number, padding = 'trail shoes for the hills '): Promise<string> {
    let current = (await client().get(`/api/campaigns/${id}/artifacts?type=ShortCopy`)).body.artifacts[0]
    for (let edit = 0; edit < count; edit++) {
      const post = (platform: string, variant: number) =>
        `Edit ${edit}, ${platform} post ${variant}: `.padEnd(Math.min(postLength, postTextLimit(platform)), padding)
      const saved = await client().post(`/api/campaigns/${id}/artifacts/${current.id}/versions`, {
        type: 'ShortCopy',
        basedOn: current.metadata.iteration,
        platforms: ALL_PLATFORMS.map(platform => ({ platform, variants: [1, 2, 3, 4, 5, 6].map(variant => ({ text: post(platform, variant), hashtags: [] })) })),
      })
      expect(saved.status, JSON.stringify(saved.body)).toBe(201)
      current = saved.body
    }
    return current.id
  }
  const iterations = (body: { versions: Array<{ iteration: number }> }) => body.versions.map(version => version.iteration)

  it('pages through every version newest first, following hasOlder with before', async () => {
    const id = await generatedCampaign(client(), { ...SAMPLE_BRIEF, platforms: ALL_PLATFORMS })
    const artifactId = await editShortCopy(id, 3, 40)
    const path = `/api/campaigns/${id}/artifacts/${artifactId}/versions`

    const whole = await client().get(path)
    expect(whole.status).toBe(200)
    expect(whole.body).toMatchObject({ campaignId: id, type: 'ShortCopy', hasOlder: false })
    expect(iterations(whole.body)).toEqual([4, 3, 2, 1])
    expect(whole.body.versions[0]).toMatchObject({ iteration: 4, status: expect.any(String), audit: { verdict: expect.any(String) } })

    const seen: number[] = []
    let page = (await client().get(`${path}?limit=3`)).body
    seen.push(...iterations(page))
    expect(page.hasOlder).toBe(true)
    page = (await client().get(`${path}?limit=3&before=${seen.at(-1)}`)).body
    seen.push(...iterations(page))
    expect(page.hasOlder).toBe(false)
    expect(seen).toEqual([4, 3, 2, 1])
  })

  it('ends a page before its written text passes the budget, one version at least', async () => {
    const id = await generatedCampaign(client(), { ...SAMPLE_BRIEF, platforms: ALL_PLATFORMS })
    // 24 posts of 5,000 characters and 6 of X's 600, in accented words of two bytes a letter here and
    // there: each version alone is over half the budget (counted in bytes), and two are over all of it.
    const artifactId = await editShortCopy(id, 2, 5000, 'thé, été, crème, pâté, brûlée, à côté ')
    const path = `/api/campaigns/${id}/artifacts/${artifactId}/versions`
    const first = await client().get(path)
    expect(iterations(first.body)).toEqual([3])
    expect(Buffer.byteLength(first.body.versions[0].content)).toBeGreaterThan(VERSIONS_PAGE_TEXT_BYTES / 2)
    expect(first.body.hasOlder).toBe(true)
    // The generated version is short: it fits in the page of the large one it follows.
    const second = await client().get(`${path}?before=3`)
    expect(iterations(second.body)).toEqual([2, 1])
    expect(second.body.hasOlder).toBe(false)
  })

  it('refuses a page it cannot read with a problem naming the field', async () => {
    const id = await generatedCampaign(client())
    const copy = (await client().get(`/api/campaigns/${id}/artifacts?type=Copy`)).body.artifacts[0]
    const path = `/api/campaigns/${id}/artifacts/${copy.id}/versions`
    expectFieldErrors(await client().get(`${path}?limit=0`), ['limit'])
    expectFieldErrors(await client().get(`${path}?limit=51`), ['limit'])
    expectFieldErrors(await client().get(`${path}?before=first`), ['before'])
    expectProblem(await client().get(`/api/campaigns/${id}/artifacts/art_missing/versions`), 404)
  })
})
