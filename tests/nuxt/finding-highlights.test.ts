import { mountSuspended } from '@nuxt/test-utils/runtime'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import type { AuditedCheck, CampaignArtifact, CheckOccurrence, CopyMetadata, ShortCopyMetadata } from '#shared/campaign'
import ArtifactCopy from '~/components/artifact/ArtifactCopy.vue'
import ArtifactShortCopy from '~/components/artifact/ArtifactShortCopy.vue'
import ComplianceCheckList from '~/components/compliance/ComplianceCheckList.vue'
import { provideFindingHighlights } from '~/composables/useFindingHighlights'
import { artifact } from './fixtures'

const BODY = 'Our <b>kit</b> cures colds. It is 100% guaranteed.'
const POST = `${'Start your mornings with a better cup. '.repeat(7)}Order at https://beanbox.com/start today.`

function copy(): CampaignArtifact {
  const written = artifact('Copy', 1)
  Object.assign(written.metadata, { headlines: ['Meet the kit'], callsToAction: ['Shop now'], body: { short: BODY, medium: 'Medium.', long: 'Long.' } } satisfies Partial<CopyMetadata>)
  return written
}

function shortCopy(): CampaignArtifact {
  const metadata: ShortCopyMetadata = { model: 'offline-writer', iteration: 1, platforms: [{ platform: 'linkedin', variants: [{ text: POST, hashtags: [], characterCount: 0, limit: 3000, overLimit: false }] }] }
  return { ...artifact('ShortCopy', 1), metadata }
}

const at = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, excerpt: words })
const occurrence = (fields: Pick<CheckOccurrence, 'artifactType' | 'location'> & Partial<CheckOccurrence>): CheckOccurrence => ({ description: 'Found.', recommendation: 'Remove it.', ...fields })
function failed(checkId: string, title: string, occurrences: CheckOccurrence[]): AuditedCheck {
  return { checkId, ruleId: 'brief.claim-class', title, severity: 'High', category: 'risk', source: null, results: [{ artifactType: 'Copy', status: 'failed' }], occurrences }
}

const checks: AuditedCheck[] = [
  failed('constraints.0', 'No health or medical claims', [occurrence({ artifactType: 'Copy', location: 'body.short', ...at(BODY, 'cures colds') })]),
  // Overlaps the next one: "100%" is both absolute and part of a guarantee.
  failed('constraints.1', 'No absolute claims', [occurrence({ artifactType: 'Copy', location: 'body.short', ...at(BODY, '100%') })]),
  failed('constraints.2', 'No guarantees', [occurrence({ artifactType: 'Copy', location: 'body.short', ...at(BODY, '100% guaranteed') })]),
  // Past LinkedIn's fold, and across the link the preview styles.
  failed('constraints.3', 'Each LinkedIn post is under 280 characters', [occurrence({ artifactType: 'ShortCopy', location: 'linkedin variant 1', start: 279, end: POST.length, excerpt: POST.slice(279) })]),
  // Written for words that are no longer there: nothing to mark, nothing to link to.
  failed('constraints.4', 'Never says “cheap”', [occurrence({ artifactType: 'Copy', location: 'body.short', start: 0, end: 5, excerpt: 'cheap' })]),
]

const Page = defineComponent({
  setup() {
    provideFindingHighlights(() => ({ checks, artifacts: { Copy: copy(), ShortCopy: shortCopy() } }))
    return () => h('div', [
      h(ArtifactCopy, { metadata: copy().metadata as CopyMetadata }),
      h(ArtifactShortCopy, { metadata: shortCopy().metadata as ShortCopyMetadata, campaignId: 'camp_test' }),
      h(ComplianceCheckList, { checks }),
    ])
  },
})

describe('failures marked in the artifacts', () => {
  it('marks the offending words inside the copy, as text, overlapping checks split and named together', async () => {
    const page = await mountSuspended(Page)
    const body = page.findAll('p').find(paragraph => paragraph.text().startsWith('Our <b>kit</b>'))!
    expect(body.text()).toBe(BODY)
    expect(body.find('b').exists()).toBe(false)
    expect(body.findAll('mark').map(mark => [mark.element.textContent, mark.attributes('title')])).toEqual([
      ['cures colds', 'Fails: No health or medical claims'],
      ['100%', 'Fails: No absolute claims; No guarantees'],
      [' guaranteed', 'Fails: No guarantees'],
    ])
  })

  it('unfolds a post whose marked words are past the fold and marks them across the styled link', async () => {
    const page = await mountSuspended(Page)
    const post = page.get('article[aria-label="LinkedIn preview 1"]')
    expect(post.text()).toContain('Show less')
    const marks = post.findAll('mark')
    expect(marks.map(mark => mark.element.textContent).join('')).toBe(POST.slice(279))
    expect(marks.filter(mark => mark.attributes('id')).map(mark => mark.attributes('id'))).toEqual(['mark-ShortCopy-linkedin-variant-1-279'])
    expect(post.findAll('span.text-sky-700 mark').map(mark => mark.text())).toEqual(['https://beanbox.com/start'])
  })

  it('links each located finding in the report to its mark, which it brings into view and focuses', async () => {
    const page = await mountSuspended(Page, { attachTo: document.body })
    const links = page.findAll('button').filter(button => button.text() === 'Show in the artifact')
    expect(links.map(link => link.attributes('aria-label'))).toEqual([
      'Show in the artifact: Copy, body.short',
      'Show in the artifact: Copy, body.short',
      'Show in the artifact: Copy, body.short',
      'Show in the artifact: Short copy, linkedin variant 1',
    ])
    await links[0]!.trigger('click')
    expect(document.activeElement?.textContent).toBe('cures colds')
    await links[3]!.trigger('click')
    expect(document.activeElement?.id).toBe('mark-ShortCopy-linkedin-variant-1-279')
    page.unmount()
  })
})
