import { describe, expect, it } from 'vitest'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import {
  createCampaign, expectFieldErrors, expectProblem, iterations, runToEnd, versionsOf, waitForCampaign,
  generatedCampaign, type CampaignDetail,
} from '../../support/campaigns'
import { useCampaignApp } from '../../support/campaign-suite'

/** After a run: versions, per-type approval, revising the whole campaign and regenerating one type. */
describe('a generated campaign, revised by its marketer', () => {
  const suite = useCampaignApp()

  const artifactOf = (detail: CampaignDetail, type: string) => detail.artifacts.find((artifact: { type: string }) => artifact.type === type)

  it('lists an artifact\'s versions with iteration, feedback, status and audit summary; 404 for an unknown artifact', async () => {
    const id = await createCampaign(suite.owner.client)
    const detail = await runToEnd(suite.owner.client, id, '/generate')
    const audit = (await suite.owner.client.get(`/api/campaigns/${id}/compliance`)).body
    const copy = artifactOf(detail, 'Copy')
    const response = await suite.owner.client.get(`/api/campaigns/${id}/artifacts/${copy.id}/versions`)
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ campaignId: id, type: 'Copy' })
    expect(response.body.versions).toHaveLength(1)
    expect(response.body.versions[0]).toMatchObject({
      id: copy.id, type: 'Copy', iteration: 1, status: 'Passed', feedback: [], tags: [],
      audit: { id: expect.any(String), verdict: 'Pass', complianceScore: audit.complianceScore, issueCount: audit.issues.length },
    })
    expectProblem(await suite.owner.client.get(`/api/campaigns/${id}/artifacts/art_unknown/versions`), 404)
    // An artifact id is only found under its own campaign.
    const other = await createCampaign(suite.owner.client)
    expectProblem(await suite.owner.client.get(`/api/campaigns/${other}/artifacts/${copy.id}/versions`), 404)
  })

  it('approves one artifact type: 200 Approved; 404 for a type with no artifact yet; 400 for an unknown type', async () => {
    const fresh = await createCampaign(suite.owner.client)
    expectProblem(await suite.owner.client.post(`/api/campaigns/${fresh}/artifacts/Copy/approve`), 404)
    expectFieldErrors(await suite.owner.client.post(`/api/campaigns/${fresh}/artifacts/Poster/approve`), [''])

    const id = await generatedCampaign(suite.owner.client)
    const approved = await suite.owner.client.post(`/api/campaigns/${id}/artifacts/ShortCopy/approve`)
    expect(approved.status).toBe(200)
    expect(approved.body).toMatchObject({ campaignId: id, type: 'ShortCopy', status: 'Approved', iteration: 1 })
    const detail = (await suite.owner.client.get(`/api/campaigns/${id}`)).body
    expect(artifactOf(detail, 'ShortCopy').status).toBe('Approved')
    expect(artifactOf(detail, 'Copy').status).toBe('Passed')
    expect(detail.status).toBe('Completed')
  })

  it('refuses to cancel a campaign that is not running, and to generate a completed one again', async () => {
    const id = await createCampaign(suite.owner.client)
    expectProblem(await suite.owner.client.post(`/api/campaigns/${id}/cancel`), 409)
    expectProblem(await suite.owner.client.post('/api/campaigns/camp_unknown/cancel'), 404)
    await runToEnd(suite.owner.client, id, '/generate')
    const again = await suite.owner.client.post(`/api/campaigns/${id}/generate`)
    expectProblem(again, 409)
    expect(again.body.detail).toMatch(/completed/i)
    expectProblem(await suite.owner.client.post(`/api/campaigns/${id}/cancel`), 409)
    expectProblem(await suite.owner.client.post('/api/campaigns/camp_unknown/generate'), 404)
  })

  it('revises every artifact with the feedback, keeps the brief, and counts revisions', async () => {
    const id = await createCampaign(suite.owner.client)
    expectProblem(await suite.owner.client.post(`/api/campaigns/${id}/revise`, { feedback: 'Too early' }), 409)
    const first = await runToEnd(suite.owner.client, id, '/generate')
    expectFieldErrors(await suite.owner.client.post(`/api/campaigns/${id}/revise`, { feedback: '  ' }), ['feedback'])
    expectFieldErrors(await suite.owner.client.post(`/api/campaigns/${id}/revise`, {}), ['feedback'])
    expectProblem(await suite.owner.client.post('/api/campaigns/camp_unknown/revise', { feedback: 'Warmer' }), 404)

    const feedback = 'Make it warmer and focus on comfort'
    const accepted = await suite.owner.client.post(`/api/campaigns/${id}/revise`, { feedback, specificChanges: ['Mention "free returns" early'] })
    expect(accepted.status).toBe(202)
    expect(accepted.body).toMatchObject({ campaignId: id, revisionNumber: 1, status: 'InProgress', estimatedCompletionTime: expect.any(String) })
    await waitForCampaign(suite.owner.client, id)
    const settled = await runToEnd(suite.owner.client, id, '/revise', { feedback: 'Shorter sentences' })
    expect(settled).toMatchObject({ status: 'Completed', revisionNumber: 2 })
    // The original brief is never rewritten by feedback.
    expect(settled.brief).toEqual(first.brief)
    expect(settled.brief.constraints).toEqual(SAMPLE_BRIEF.constraints)

    for (const type of ['Copy', 'ShortCopy', 'Visual']) {
      const versions = await versionsOf(suite.owner.client, id, artifactOf(settled, type).id)
      expect(versions.map(version => version.iteration), type).toEqual([3, 2, 1])
      expect(versions[0].feedback).toEqual(['Shorter sentences'])
      expect(versions[1].feedback).toEqual([feedback, 'Mention "free returns" early'])
      expect(versions[2]).toMatchObject({ id: artifactOf(first, type).id, feedback: [] })
      // Each version is new text, not the old one relabelled.
      expect(new Set(versions.map(version => version.content)).size).toBe(3)
      expect(versions.every(version => version.audit !== null)).toBe(true)
    }
  })

  it('regenerates one type with feedback and tags, leaves the others alone, and audits again', async () => {
    const id = await createCampaign(suite.owner.client)
    const before = await runToEnd(suite.owner.client, id, '/generate')
    const auditBefore = (await suite.owner.client.get(`/api/campaigns/${id}/compliance`)).body
    expectFieldErrors(await suite.owner.client.post(`/api/campaigns/${id}/artifacts/Poster/regenerate`, { feedback: 'x' }), [''])
    expectFieldErrors(await suite.owner.client.post(`/api/campaigns/${id}/artifacts/Visual/regenerate`, { tags: Array.from({ length: 11 }, (_, n) => `t${n}`) }), ['tags'])
    expectProblem(await suite.owner.client.post('/api/campaigns/camp_unknown/artifacts/Visual/regenerate', { feedback: 'x' }), 404)

    const accepted = await suite.owner.client.post(`/api/campaigns/${id}/artifacts/Visual/regenerate`, { feedback: 'A calmer, greener palette', tags: ['palette', 'mood'] })
    expect(accepted.status).toBe(202)
    expect(accepted.body).toMatchObject({ campaignId: id, status: 'InProgress' })
    const after = await waitForCampaign(suite.owner.client, id, detail => detail.status === 'Completed' && iterations(detail).Visual === 2)
    expect(iterations(after)).toEqual({ ...iterations(before), Visual: 2 })
    expect(artifactOf(after, 'Copy').id).toBe(artifactOf(before, 'Copy').id)
    expect(artifactOf(after, 'ShortCopy').id).toBe(artifactOf(before, 'ShortCopy').id)

    const [latest, original] = await versionsOf(suite.owner.client, id, artifactOf(after, 'Visual').id)
    expect(latest).toMatchObject({ iteration: 2, feedback: ['A calmer, greener palette'], tags: ['palette', 'mood'], metadata: { iteration: 2 } })
    expect(original).toMatchObject({ iteration: 1, id: artifactOf(before, 'Visual').id })
    // Audited again: a newer audit judged the new version.
    const auditAfter = (await suite.owner.client.get(`/api/campaigns/${id}/compliance`)).body
    expect(Date.parse(auditAfter.auditedAt)).toBeGreaterThan(Date.parse(auditBefore.auditedAt))
    expect(latest.audit).not.toBeNull()
    expect(latest.audit.id).not.toBe(original.audit.id)
  })
})
