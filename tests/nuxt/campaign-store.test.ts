import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useCampaignStore } from '~/stores/campaigns'
import { artifact, at, audit, CAMPAIGN_ID, feedback, feedbackRange, snapshot } from './fixtures'

const chunk = (text: string, sequence: number, isComplete = false) => ({ campaignId: CAMPAIGN_ID, artifactType: 'Copy' as const, chunk: text, isComplete, sequence })

describe('campaign store', () => {
  let store: ReturnType<typeof useCampaignStore>
  beforeEach(() => {
    setActivePinia(createPinia())
    store = useCampaignStore()
  })
  const campaign = () => store.campaigns[CAMPAIGN_ID]!
  const state = () => JSON.parse(JSON.stringify(store.$state))

  it('applies each hub event to the campaign it names', () => {
    store.applySnapshot(snapshot(1, { stage: 'Queued' }))
    store.applyStarted(CAMPAIGN_ID)
    expect(store.displayStage(campaign())).toBe('Generating')

    for (const type of ['Copy', 'ShortCopy', 'Visual'] as const) store.applyArtifact(artifact(type, 1))
    expect(Object.keys(store.currentArtifacts(CAMPAIGN_ID)).sort()).toEqual(['Copy', 'ShortCopy', 'Visual'])
    expect(store.displayStage(campaign())).toBe('Auditing')

    store.applyCompliance(audit(5, { complianceScore: 77, verdict: 'Conditional' }))
    expect(campaign()).toMatchObject({ complianceScore: 77, complianceStatus: 'Conditional' })
    expect(store.versionStatus.art_Copy_1).toBe('Passed')

    store.applyCompleted(CAMPAIGN_ID)
    expect(campaign()).toMatchObject({ status: 'Completed', stage: null })
  })

  it('shows a failure with its reason, and flags what the audit flagged', () => {
    store.applySnapshot(snapshot(1))
    store.applyArtifact(artifact('Copy', 1))
    store.applyCompliance(audit(3, { issues: [{ artifactType: 'Copy', severity: 'High', issueDescription: 'x', ruleId: 'r', category: 'risk', location: 'body', recommendation: 'fix', source: 'rules' }] }))
    expect(store.versionStatus.art_Copy_1).toBe('Flagged')
    store.applyFailure({ campaignId: CAMPAIGN_ID, errorMessage: 'Visual: model down', failedAt: at(4) })
    expect(campaign()).toMatchObject({ status: 'Failed', statusReason: 'Visual: model down' })
  })

  it('changes nothing when the same events arrive twice', () => {
    const events = () => {
      store.applySnapshot(snapshot(1))
      store.applyArtifact(artifact('Copy', 1))
      store.applyCompliance(audit(3))
      store.applyFailure({ campaignId: CAMPAIGN_ID, errorMessage: 'boom', failedAt: at(4) })
      store.applySnapshot(snapshot(4, { status: 'Failed', stage: null, statusReason: 'boom', artifacts: [artifact('Copy', 1)], compliance: audit(3) }))
    }
    events()
    const once = state()
    events()
    expect(state()).toEqual(once)
  })

  it('ignores events older than a newer snapshot', () => {
    store.applySnapshot(snapshot(10, { status: 'Completed', stage: null, artifacts: [artifact('Copy', 2, 9)], compliance: audit(9) }))
    const settled = state()

    store.applySnapshot(snapshot(5, { stage: 'Generating' }))
    store.applyStarted(CAMPAIGN_ID)
    store.applyArtifact(artifact('Copy', 1))
    store.applyCompliance(audit(4, { complianceScore: 10, verdict: 'Fail' }))
    store.applyFailure({ campaignId: CAMPAIGN_ID, errorMessage: 'old failure', failedAt: at(6) })
    store.applyCompleted(CAMPAIGN_ID)
    store.applyChunk(chunk('stale text', 0))

    // The old version is remembered for the history, but nothing the page shows has changed.
    expect(store.currentArtifacts(CAMPAIGN_ID).Copy?.id).toBe('art_Copy_2')
    expect(campaign()).toEqual(settled.campaigns[CAMPAIGN_ID])
    expect(store.compliance[CAMPAIGN_ID]).toEqual(settled.compliance[CAMPAIGN_ID])
    expect(store.streams[CAMPAIGN_ID]).toBeUndefined()
  })

  it('accumulates streamed chunks per artifact type, and replaces them with the final artifact', () => {
    store.applySnapshot(snapshot(1))
    store.applyChunk(chunk('Say hello ', 0))
    store.applyChunk(chunk('to the ', 1))
    store.applyChunk({ ...chunk('Short', 0), artifactType: 'ShortCopy' })
    store.applyChunk(chunk('trails.', 2))
    expect(store.streams[CAMPAIGN_ID]?.Copy?.text).toBe('Say hello to the trails.')
    expect(store.streams[CAMPAIGN_ID]?.ShortCopy?.text).toBe('Short')

    store.applyChunk(chunk('', 3, true))
    expect(store.streams[CAMPAIGN_ID]?.Copy).toEqual({ text: 'Say hello to the trails.', complete: true, sequence: 3 })
    // A retried write streams again from the start.
    store.applyChunk(chunk('Say hello again', 0))
    expect(store.streams[CAMPAIGN_ID]?.Copy?.text).toBe('Say hello again')

    store.applyArtifact(artifact('Copy', 1))
    expect(store.streams[CAMPAIGN_ID]?.Copy).toBeUndefined()
    expect(store.streams[CAMPAIGN_ID]?.ShortCopy?.text).toBe('Short')
    expect(store.currentArtifacts(CAMPAIGN_ID).Copy?.content).toBe('Copy version 1')
  })

  it('ignores a chunk it already applied', () => {
    store.applySnapshot(snapshot(1))
    const gaps: string[] = []
    store.onStreamGap(campaignId => gaps.push(campaignId))
    store.applyChunk(chunk('Say hello ', 0))
    store.applyChunk(chunk('to the ', 1))
    store.applyChunk(chunk('to the ', 1))
    store.applyChunk(chunk('Say hello ', 0))
    store.applyChunk(chunk('to the ', 1))
    store.applyChunk(chunk('trails.', 2))
    expect(store.streams[CAMPAIGN_ID]?.Copy).toEqual({ text: 'Say hello to the trails.', complete: false, sequence: 2 })
    expect(gaps).toEqual([])
  })

  it('drops the text and asks for a snapshot when a chunk is missing, then streams on from the next one', () => {
    store.applySnapshot(snapshot(1))
    const gaps: string[] = []
    const stop = store.onStreamGap(campaignId => gaps.push(campaignId))
    store.applyChunk(chunk('Say hello ', 0))
    store.applyChunk(chunk('trails.', 2))
    expect(gaps).toEqual([CAMPAIGN_ID])
    expect(store.streams[CAMPAIGN_ID]?.Copy).toBeUndefined()
    // What follows is shown as the tail of the write, never glued to the text before the hole.
    store.applyChunk(chunk(' More.', 3))
    expect(store.streams[CAMPAIGN_ID]?.Copy).toEqual({ text: ' More.', complete: false, sequence: 3 })
    store.applyChunk(chunk('A fresh start', 0))
    expect(store.streams[CAMPAIGN_ID]?.Copy?.text).toBe('A fresh start')
    stop()
    store.applyChunk(chunk('lost', 5))
    expect(gaps).toEqual([CAMPAIGN_ID])
  })

  it('after a reconnect, drops half-streamed text and takes the snapshot as the truth', () => {
    store.applySnapshot(snapshot(1))
    store.applyChunk(chunk('half a sen', 0))
    // Meanwhile the server restarted, finished the run and announced it; we missed all of it.
    store.dropStreams(CAMPAIGN_ID)
    store.applySnapshot(snapshot(20, {
      status: 'Completed', stage: null, completedAt: at(20),
      artifacts: [artifact('Copy', 1), artifact('ShortCopy', 1), artifact('Visual', 1)], compliance: audit(19, { complianceScore: 95 }),
    }))
    expect(campaign()).toMatchObject({ status: 'Completed', stage: null, complianceScore: 95 })
    expect(store.streams[CAMPAIGN_ID]).toBeUndefined()
    expect(Object.keys(store.currentArtifacts(CAMPAIGN_ID))).toHaveLength(3)
  })

  it('keeps the list page live: a snapshot for a listed campaign updates its row', () => {
    store.applyPage({ items: [{ id: CAMPAIGN_ID, theme: 'Spring', status: 'Created', stage: null, createdAt: at(0), updatedAt: at(0), completedAt: null, complianceStatus: 'NotAudited', complianceScore: null }], totalCount: 1, page: 1, pageSize: 10, totalPages: 1 })
    store.applySnapshot(snapshot(2, { stage: 'Queued' }))
    expect(store.listedCampaigns[0]).toMatchObject({ theme: 'Spring', status: 'InProgress', stage: 'Queued' })
    // A list answer read before the snapshot does not undo what the snapshot said; a newer one does.
    store.applySummary({ id: CAMPAIGN_ID, theme: 'Spring', status: 'Created', stage: null, createdAt: at(0), updatedAt: at(1), completedAt: null, complianceStatus: 'NotAudited', complianceScore: null })
    expect(store.listedCampaigns[0]?.status).toBe('InProgress')
    store.applySummary({ id: CAMPAIGN_ID, theme: 'Spring', status: 'Completed', stage: null, createdAt: at(0), updatedAt: at(3), completedAt: at(3), complianceStatus: 'Pass', complianceScore: 96 })
    expect(store.listedCampaigns[0]).toMatchObject({ status: 'Completed', complianceScore: 96 })
  })

  describe('reviewer feedback', () => {
    const shown = () => campaign().reviewFeedback.map(item => item.reviewerName)
    const names = (from: number, to: number) => feedbackRange(from, to).map(item => item.reviewerName)

    it('keeps the newest posts a snapshot carries, and the count of them all', () => {
      store.applySnapshot(snapshot(1, { reviewFeedback: feedbackRange(81, 100), reviewFeedbackCount: 100 }))
      expect(shown()).toEqual(names(81, 100))
      expect(campaign().reviewFeedbackCount).toBe(100)
    })

    it('adds a live post to what it knows, once, however often it arrives', () => {
      store.applySnapshot(snapshot(1, { reviewFeedback: feedbackRange(1, 2), reviewFeedbackCount: 2 }))
      for (let i = 0; i < 2; i++) store.applyReviewFeedbackNotice({ campaignId: CAMPAIGN_ID, feedback: feedback(3), totalCount: 3 })
      expect(shown()).toEqual(names(1, 3))
      expect(campaign().reviewFeedbackCount).toBe(3)
    })

    it('keeps older pages it loaded when a later snapshot carries only the newest posts', () => {
      store.applySnapshot(snapshot(1, { reviewFeedback: feedbackRange(31, 50), reviewFeedbackCount: 50 }))
      store.applyReviewFeedbackPage({ campaignId: CAMPAIGN_ID, feedback: feedbackRange(1, 30), totalCount: 50, hasOlder: false })
      store.applySnapshot(snapshot(2, { reviewFeedback: feedbackRange(32, 51), reviewFeedbackCount: 51 }))
      expect(shown()).toEqual(names(1, 51))
      expect(campaign().reviewFeedbackCount).toBe(51)
    })

    it('never lowers the count or drops posts for a stale snapshot', () => {
      store.applySnapshot(snapshot(5, { reviewFeedback: feedbackRange(2, 21), reviewFeedbackCount: 21 }))
      store.applySnapshot(snapshot(4, { reviewFeedback: feedbackRange(1, 20), reviewFeedbackCount: 20 }))
      expect(shown()).toEqual(names(1, 21))
      expect(campaign().reviewFeedbackCount).toBe(21)
    })
  })
})
