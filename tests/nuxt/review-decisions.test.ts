import { mountSuspended } from '@nuxt/test-utils/runtime'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { ReviewItemDecision } from '#shared/campaign'
import ReviewDecisionList from '~/components/review/ReviewDecisionList.vue'
import { useReviewDecisionStore } from '~/stores/review-decisions'
import { regenerateFeedbackFrom, reviewItemLabel } from '~/utils/review-items'

const CAMPAIGN_ID = 'camp_test'
const decision = (n: number, fields: Partial<ReviewItemDecision> = {}): ReviewItemDecision => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, reviewerName: 'Rae', decision: 'request-changes', comment: 'Softer.', quote: '',
  artifactType: 'ShortCopy', platform: 'linkedin', postIndex: 1, version: 1, createdAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(), resolvedAt: null, ...fields,
})

describe('review decision store', () => {
  let store: ReturnType<typeof useReviewDecisionStore>
  beforeEach(() => {
    setActivePinia(createPinia())
    store = useReviewDecisionStore()
  })

  it('keeps each decision once, oldest first, tells listeners of new ones only, and never unresolves', () => {
    const heard: string[] = []
    store.onDecisionReceived(notice => heard.push(notice.decision.id))
    store.applyNotice({ campaignId: CAMPAIGN_ID, decision: decision(2) })
    store.applyList({ campaignId: CAMPAIGN_ID, decisions: [decision(1), decision(2)] })
    store.applyNotice({ campaignId: CAMPAIGN_ID, decision: decision(2) })
    expect(store.decisionsOf(CAMPAIGN_ID).map(item => item.id)).toEqual([decision(1).id, decision(2).id])
    expect(heard).toEqual([decision(2).id])

    const resolvedAt = '2026-01-02T00:00:00.000Z'
    store.applyNotice({ campaignId: CAMPAIGN_ID, decision: decision(1, { resolvedAt }) })
    store.applyList({ campaignId: CAMPAIGN_ID, decisions: [decision(1)] })
    expect(store.decisionsOf(CAMPAIGN_ID)[0]!.resolvedAt).toBe(resolvedAt)
    expect(heard).toHaveLength(1)
  })
})

describe('decisions as people read them', () => {
  it('names posts by platform and place, and turns a request into one line of regenerate feedback', () => {
    expect(reviewItemLabel(decision(1))).toBe('LinkedIn post 2')
    expect(reviewItemLabel(decision(1, { platform: null, postIndex: null, artifactType: 'Visual' }))).toBe('Visual')
    expect(regenerateFeedbackFrom(decision(1, { quote: 'Best\nshoes ever' }))).toBe('LinkedIn post 2: In “Best shoes ever”, Softer.')
  })

  it('marks a decision on an older version as outdated, and offers Resolve only on open requests', async () => {
    const list = await mountSuspended(ReviewDecisionList, {
      props: { decisions: [decision(1), decision(2, { decision: 'approve', version: 2 })], label: 'LinkedIn post 2', currentVersion: 2, owner: true },
    })
    const items = list.findAll('li')
    expect(items[0]!.text()).toContain('Outdated')
    expect(items[1]!.text()).not.toContain('Outdated')
    expect(items[0]!.findAll('button').map(button => button.text())).toEqual(['Resolve'])
    expect(items[1]!.findAll('button')).toHaveLength(0)
  })
})
