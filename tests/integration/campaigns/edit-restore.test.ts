import { describe, expect, it } from 'vitest'
import { registerUser } from '../../support/api-client'
import { connectCampaignHub } from '../../support/campaign-hub'
import {
  createCampaign, expectFieldErrors, expectProblem, versionsOf, generatedCampaign, type CampaignDetail,
} from '../../support/campaigns'
import { useCampaignApp } from '../../support/campaign-suite'
import { connectReviewHub, createReviewLink } from '../../support/review-hub'

/** Edits and restores by the owner: new versions, audited at once, seen live by every viewer. */
describe('editing and restoring an artifact', () => {
  const suite = useCampaignApp()

  async function generated(): Promise<{ id: string, copy: CampaignDetail }> {
    const id = await generatedCampaign(suite.owner.client)
    const artifacts = (await suite.owner.client.get(`/api/campaigns/${id}/artifacts?type=Copy`)).body.artifacts
    return { id, copy: artifacts[0] }
  }

  /** The copy's editable text with its first headline replaced. */
  const headlineEdit = (copy: CampaignDetail, headline: string, basedOn = copy.metadata.iteration) => ({
    type: 'Copy', basedOn, headlines: [headline, ...copy.metadata.headlines.slice(1)], body: copy.metadata.body, callsToAction: copy.metadata.callsToAction,
  })

  it('saves an edit as the next version, audits it by the rules, and shows it live to the owner\'s other page and a reviewer', async () => {
    const { id, copy } = await generated()
    expect((await suite.owner.client.post(`/api/campaigns/${id}/artifacts/Copy/approve`)).status).toBe(200)
    const ownerPage = await connectCampaignHub(suite.app.url, suite.owner.client)
    await ownerPage.connection.invoke('JoinCampaignGroup', id)
    const link = await createReviewLink(suite.owner.client, id)
    const reviewer = await connectReviewHub(suite.owner.client.anonymous(), link.token)
    await reviewer.connection.invoke('JoinCampaignGroup', id)
    await reviewer.connection.invoke('WatchCampaign', id)

    // A claim the rules forbid: the audit must flag the new version at once.
    const headline = 'Ridgeline: 100% guaranteed to make you faster'
    const saved = await suite.owner.client.post(`/api/campaigns/${id}/artifacts/${copy.id}/versions`, headlineEdit(copy, headline))
    expect(saved.status, JSON.stringify(saved.body)).toBe(201)
    expect(saved.body).toMatchObject({ campaignId: id, type: 'Copy', iteration: 2, status: 'Flagged', feedback: [], tags: [], agentName: suite.owner.name })
    expect(saved.body.metadata).toMatchObject({ iteration: 2, editedBy: suite.owner.name, basedOn: 1, toneNote: copy.metadata.toneNote })
    expect(saved.body.metadata.headlines[0]).toBe(headline)
    expect(saved.body.content).toContain(headline)
    expect(saved.body.audit).toMatchObject({ verdict: 'Fail' })

    for (const viewer of [ownerPage, reviewer]) {
      const artifact = (await viewer.log.waitFor(event => event.name === 'OnArtifactGenerated' && event.args[0].id === saved.body.id, 'the edited version')).args[0]
      expect(artifact).toMatchObject({ campaignId: id, type: 'Copy', content: saved.body.content, metadata: { editedBy: suite.owner.name } })
      const audit = (await viewer.log.waitFor(event => event.name === 'OnComplianceCheckCompleted', 'the audit of the edit')).args[0]
      expect(audit.campaignId).toBe(id)
      expect(audit.issues.some((issue: { artifactType: string, severity: string, source: string }) => issue.artifactType === 'Copy' && issue.severity === 'High' && issue.source === 'rules')).toBe(true)
    }
    const snapshot = (await reviewer.log.waitFor(event => event.name === 'OnCampaignUpdated', 'the reviewer\'s snapshot')).args[0]
    expect(snapshot.artifacts.find((artifact: { type: string }) => artifact.type === 'Copy').id).toBe(saved.body.id)
    await Promise.all([ownerPage.connection.stop(), reviewer.connection.stop()])

    // Every version is kept: the approval stays with version 1, the campaign's latest audit is the edit's.
    const versions = await versionsOf(suite.owner.client, id, copy.id)
    expect(versions.map(version => [version.iteration, version.status])).toEqual([[2, 'Flagged'], [1, 'Approved']])
    expect((await suite.owner.client.get(`/api/campaigns/${id}/compliance`)).body.verdict).toBe('Fail')
  })

  it('restores an earlier version as a new version with its content, audited again', async () => {
    const { id, copy } = await generated()
    const edited = await suite.owner.client.post(`/api/campaigns/${id}/artifacts/Copy/versions`, headlineEdit(copy, 'Ridgeline: 100% guaranteed to make you faster'))
    expect(edited.status).toBe(201)
    const hub = await connectCampaignHub(suite.app.url, suite.owner.client)
    await hub.connection.invoke('JoinCampaignGroup', id)

    const restored = await suite.owner.client.post(`/api/campaigns/${id}/artifacts/${edited.body.id}/versions/1/restore`)
    expect(restored.status, JSON.stringify(restored.body)).toBe(201)
    expect(restored.body).toMatchObject({ iteration: 3, status: 'Passed', content: copy.content, metadata: { restoredFrom: 1, editedBy: suite.owner.name, headlines: copy.metadata.headlines } })
    expect(restored.body.audit.verdict).not.toBe('Fail')
    await hub.log.waitFor(event => event.name === 'OnArtifactGenerated' && event.args[0].id === restored.body.id, 'the restored version')
    await hub.log.waitFor(event => event.name === 'OnComplianceCheckCompleted' && event.args[0].verdict !== 'Fail', 'the audit of the restore')
    await hub.connection.stop()

    expectProblem(await suite.owner.client.post(`/api/campaigns/${id}/artifacts/Copy/versions/3/restore`), 409)
    expectProblem(await suite.owner.client.post(`/api/campaigns/${id}/artifacts/Copy/versions/9/restore`), 404)
    expectFieldErrors(await suite.owner.client.post(`/api/campaigns/${id}/artifacts/Copy/versions/first/restore`), [''])
    expect((await versionsOf(suite.owner.client, id, copy.id)).map(version => version.iteration)).toEqual([3, 2, 1])
  })

  it('refuses an edit of a version that is no longer current (409), of another shape (400) or of another owner\'s campaign (404)', async () => {
    const { id, copy } = await generated()
    expect((await suite.owner.client.post(`/api/campaigns/${id}/artifacts/Copy/versions`, headlineEdit(copy, 'Trail time, by hand'))).status).toBe(201)
    const stale = await suite.owner.client.post(`/api/campaigns/${id}/artifacts/Copy/versions`, headlineEdit(copy, 'A second thought', 1))
    expectProblem(stale, 409)
    expect(stale.body.detail).toMatch(/Version 2 has been saved/)

    expectFieldErrors(await suite.owner.client.post(`/api/campaigns/${id}/artifacts/Copy/versions`, { ...headlineEdit(copy, ' '), basedOn: 2 }), ['headlines.0'])
    expectFieldErrors(await suite.owner.client.post(`/api/campaigns/${id}/artifacts/Copy/versions`, { ...headlineEdit(copy, 'x'.repeat(201)), basedOn: 2 }), ['headlines.0'])
    expectFieldErrors(await suite.owner.client.post(`/api/campaigns/${id}/artifacts/Visual/versions`, { ...headlineEdit(copy, 'Fine'), basedOn: 1 }), ['type'])
    const shortCopy = (await suite.owner.client.get(`/api/campaigns/${id}/artifacts?type=ShortCopy`)).body.artifacts[0]
    const onePlatform = { type: 'ShortCopy', basedOn: 1, platforms: shortCopy.metadata.platforms.slice(0, 1).map(({ platform, variants }: CampaignDetail) => ({ platform, variants })) }
    expectFieldErrors(await suite.owner.client.post(`/api/campaigns/${id}/artifacts/ShortCopy/versions`, onePlatform), ['platforms'])
    // X takes a post's text up to 600 characters; the same text is fine on LinkedIn.
    const withFirstPost = (on: string, text: string) => ({
      type: 'ShortCopy',
      basedOn: 1,
      platforms: shortCopy.metadata.platforms.map(({ platform, variants }: CampaignDetail) =>
        ({ platform, variants: platform === on ? [{ ...variants[0], text }, ...variants.slice(1)] : variants })),
    })
    const onX = shortCopy.metadata.platforms.findIndex((entry: CampaignDetail) => entry.platform === 'x')
    const tooLongForX = await suite.owner.client.post(`/api/campaigns/${id}/artifacts/ShortCopy/versions`, withFirstPost('x', 'Trail time. '.repeat(51)))
    expectFieldErrors(tooLongForX, [`platforms.${onX}.variants.0.text`])
    expect(tooLongForX.body.errors[`platforms.${onX}.variants.0.text`][0]).toBe('At most 600 characters on X')
    expect((await suite.owner.client.post(`/api/campaigns/${id}/artifacts/ShortCopy/versions`, withFirstPost('linkedin', 'Trail time. '.repeat(51)))).status).toBe(201)

    const stranger = await registerUser(suite.app.url)
    expectProblem(await stranger.client.post(`/api/campaigns/${id}/artifacts/Copy/versions`, headlineEdit(copy, 'Mine now', 2)), 404)
    expectProblem(await stranger.client.post(`/api/campaigns/${id}/artifacts/Copy/versions/1/restore`), 404)
    expectProblem(await suite.owner.client.post(`/api/campaigns/${id}/artifacts/art_unknown/versions/1/restore`), 404)
    const fresh = await createCampaign(suite.owner.client)
    expectProblem(await suite.owner.client.post(`/api/campaigns/${fresh}/artifacts/Copy/versions`, headlineEdit(copy, 'Nothing yet', 1)), 404)
  })
})
