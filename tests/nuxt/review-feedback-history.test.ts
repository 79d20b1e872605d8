import { mountSuspended, registerEndpoint } from '@nuxt/test-utils/runtime'
import { getQuery } from 'h3'
import { describe, expect, it, vi } from 'vitest'
import ReviewFeedbackHistory from '~/components/review/ReviewFeedbackHistory.vue'
import { useCampaignStore } from '~/stores/campaigns'
import { CAMPAIGN_ID, feedback, feedbackRange, snapshot } from './fixtures'

const asked: Array<Record<string, unknown>> = []
// The server's paging: the 50 posts before the one named, or the newest 50.
registerEndpoint(`/api/campaigns/${CAMPAIGN_ID}/review-feedback`, (event) => {
  const query = getQuery(event)
  asked.push(query)
  const before = query.before ? Number(String(query.before).slice(-12)) : 71
  const from = Math.max(1, before - 50)
  return { campaignId: CAMPAIGN_ID, feedback: feedbackRange(from, before - 1), totalCount: 70, hasOlder: from > 1 }
})

describe('ReviewFeedbackHistory', () => {
  it('shows the newest posts and loads older ones on demand, until none is left', async () => {
    useCampaignStore().applySnapshot(snapshot(1, { reviewFeedback: feedbackRange(51, 70), reviewFeedbackCount: 70 }))
    const history = await mountSuspended(ReviewFeedbackHistory, { props: { campaignId: CAMPAIGN_ID } })
    const items = () => history.findAll('li').map(item => item.text())
    expect(items()).toHaveLength(20)
    expect(history.text()).toContain('The newest 20 of 70.')

    await history.get('button').trigger('click')
    await vi.waitFor(() => expect(items()).toHaveLength(70))
    expect(asked).toEqual([{ before: feedbackRange(51, 51)[0]!.id }])
    expect(items()[0]).toContain('Reviewer 1')
    expect(items()[69]).toContain('Reviewer 70')
    expect(history.find('button').exists()).toBe(false)
  })

  it('offers a request for changes, never an approval, as the feedback of a revision, and not while a run is under way', async () => {
    const request = { ...feedback(72), decision: 'request-changes' as const, comment: 'Make it shorter and mention free shipping' }
    useCampaignStore().applySnapshot(snapshot(72, { reviewFeedback: [feedback(71), request], reviewFeedbackCount: 72 }))
    const history = await mountSuspended(ReviewFeedbackHistory, { props: { campaignId: CAMPAIGN_ID } })
    const buttons = history.findAll('button')
    expect(buttons.map(button => [button.text(), button.attributes('aria-label')])).toEqual([['Use as feedback', 'Use as feedback: Reviewer 72\'s request for changes']])
    await buttons[0]!.trigger('click')
    expect(history.emitted('use')).toEqual([['Make it shorter and mention free shipping']])
    await history.setProps({ busy: true })
    expect(history.get('button').attributes('disabled')).toBeDefined()
  })
})
