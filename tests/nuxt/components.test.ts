import { mountSuspended } from '@nuxt/test-utils/runtime'
import { describe, expect, it } from 'vitest'
import ArtifactSection from '~/components/artifact/ArtifactSection.vue'
import ArtifactShortCopy from '~/components/artifact/ArtifactShortCopy.vue'
import ArtifactVersionCompare from '~/components/artifact/ArtifactVersionCompare.vue'
import BrandKitList from '~/components/brand-kit/BrandKitList.vue'
import ComplianceIssueList from '~/components/compliance/ComplianceIssueList.vue'
import HubConnectionIndicator from '~/components/hub/HubConnectionIndicator.vue'
import { artifact } from './fixtures'

describe('HubConnectionIndicator', () => {
  it.each([['Connected', 'Connected'], ['Connecting', 'Connecting…'], ['Reconnecting', 'Reconnecting…'], ['Disconnected', 'Disconnected']] as const)('says %s as "%s" in a status role', async (state, text) => {
    const indicator = await mountSuspended(HubConnectionIndicator, { props: { state } })
    expect(indicator.get('[role="status"]').text()).toBe(text)
  })
})

describe('ArtifactSection', () => {
  const props = { campaignId: 'camp_test', type: 'Copy' as const, status: undefined, busy: true }

  it('shows text as it streams, as text, then the finished artifact in its place', async () => {
    const section = await mountSuspended(ArtifactSection, { props: { ...props, artifact: undefined, stream: { text: '<b>Say hello</b>', complete: false, sequence: 4 } } })
    expect(section.get('h2').text()).toBe('Copy')
    expect(section.text()).toContain('<b>Say hello</b>')
    expect(section.find('b').exists()).toBe(false)

    const finished = artifact('Copy', 2)
    Object.assign(finished.metadata, { headlines: ['Trails await'], callsToAction: ['Run now'], body: { short: 'Short.', medium: 'Medium body.', long: 'Long body text.' } })
    await section.setProps({ stream: undefined, artifact: finished, status: 'Passed', busy: false })
    expect(section.text()).not.toContain('Say hello')
    expect(section.text()).toContain('Trails await')
    // Said on its face, with where to read how to connect a model.
    expect(section.get('[role="note"]').text()).toBe('Template draft — connect a language model for original copy')
    expect(section.get('[role="note"] a').attributes('href')).toBe('/docs/models')
    await section.setProps({ artifact: { ...finished, metadata: { ...finished.metadata, model: 'gpt-4o-mini' } } })
    expect(section.find('[role="note"]').exists()).toBe(false)
    expect(section.findAll('button').map(button => button.text())).toEqual(expect.arrayContaining(['Approve', 'Regenerate', 'Version history', 'Copy']))
  })
})

describe('ArtifactShortCopy', () => {
  it('previews each post with its hashtags, counted by the platform\'s rule, and flags those over the limit', async () => {
    // The counts on the variants are stale on purpose: the preview counts the post it shows.
    const variant = (text: string) => ({ text, hashtags: ['#Spring'], characterCount: 0, limit: 280, overLimit: false })
    const view = await mountSuspended(ArtifactShortCopy, {
      props: { campaignId: 'camp_test', metadata: { model: 'offline-writer', iteration: 1, platforms: [{ platform: 'x', variants: [variant('Post https://example.com/a-very-long-path'), variant('y'.repeat(290))] }] } },
    })
    // 'Post ' + a link (23 on X) + a blank line + '#Spring'.
    expect(view.text()).toContain('37 / 280 characters')
    expect(view.text()).toContain('299 / 280 characters')
    expect(view.text().match(/Over limit/g)).toHaveLength(1)
    expect(view.findAll('article').map(article => article.attributes('aria-label'))).toEqual(['X preview 1', 'X preview 2'])
    expect(view.text()).toContain('Your brand')
  })
})

describe('ArtifactVersionCompare', () => {
  it('marks removed words in the older version and added words in the newer one', async () => {
    const before = { ...artifact('Copy', 1), content: 'Run the trails today' }
    const after = { ...artifact('Copy', 2), content: 'Run the mountain trails now' }
    const view = await mountSuspended(ArtifactVersionCompare, { props: { before, after } })
    expect(view.findAll('del').map(node => node.text())).toEqual(['today'])
    expect(view.findAll('ins').map(node => node.text())).toEqual(['mountain', 'now'])
  })
})

describe('ComplianceIssueList', () => {
  it('groups issues by severity, most severe first, with rule id, location and recommendation', async () => {
    const issue = (severity: 'High' | 'Low', ruleId: string) => ({ artifactType: 'Copy', severity, ruleId, category: 'risk' as const, location: 'headlines[0]', issueDescription: 'Claim', recommendation: 'Cite a source', source: 'rules' as const })
    const view = await mountSuspended(ComplianceIssueList, { props: { issues: [issue('Low', 'tone.caps'), issue('High', 'risk.claim')] } })
    expect(view.findAll('h3').map(heading => heading.text())).toEqual(['High 1 issue', 'Low 1 issue'])
    expect(view.text()).toContain('risk.claim')
    expect(view.text()).toContain('headlines[0]')
    expect(view.text()).toContain('Cite a source')
  })
})

describe('BrandKitList', () => {
  const kit = {
    id: 'kit_1', name: 'Harbour Runners', exampleSentences: ['See you at nine.'], palette: ['#0D1B2A'], bannedTerms: ['guaranteed', 'cure'],
    requiredHashtags: [], createdAt: '2026-12-01T10:00:00Z', updatedAt: '2026-12-01T10:00:00Z',
  }

  it('counts each part of a kit in the number its noun takes', async () => {
    const view = await mountSuspended(BrandKitList, { props: { kits: [kit] } })
    expect(view.text()).toContain('1 example sentence · 2 banned terms · no required hashtags · no disclaimer')
  })
})
