import { mountSuspended } from '@nuxt/test-utils/runtime'
import { describe, expect, it } from 'vitest'
import type { AuditedCheck } from '#shared/campaign'
import ComplianceCheckList from '~/components/compliance/ComplianceCheckList.vue'

const failed: AuditedCheck = {
  checkId: 'constraints.0',
  ruleId: 'brief.claim-class',
  title: 'No health or medical claims',
  severity: 'High',
  category: 'risk',
  source: { field: 'constraints', index: 0, text: 'Do not make health claims' },
  guidance: 'FTC Health Products Compliance Guidance (2022)',
  results: [{ artifactType: 'Copy', status: 'failed' }, { artifactType: 'Visual', status: 'passed' }],
  occurrences: [{
    artifactType: 'Copy', location: 'body.short', description: '"cures" makes health or medical claims.', recommendation: 'Remove "cures".',
    excerpt: 'cures', start: 8, end: 13, snippet: { before: 'Our <b>kit</b> ', match: 'cures', after: ' boredom.' },
  }],
}
const passed: AuditedCheck = {
  checkId: 'tone.shouting', ruleId: 'tone.shouting', title: 'No shouting in capitals', severity: 'Low', category: 'tone', source: null,
  results: [{ artifactType: 'Copy', status: 'passed' }], occurrences: [],
}
const unused: AuditedCheck = { ...passed, checkId: 'constraints.1', ruleId: 'brief.max-length', title: 'Each LinkedIn post is under 600 characters', results: [{ artifactType: 'Copy', status: 'not-applicable' }] }

describe('ComplianceCheckList', () => {
  it('groups checks by result, failed first, each titled for a marketer with its rule id and source beside it', async () => {
    const list = await mountSuspended(ComplianceCheckList, { props: { checks: [passed, unused, failed] } })
    expect(list.findAll('h3').map(heading => heading.text())).toEqual(['Failed checks (1)', 'Passed checks (1)', 'Checks that did not apply (1)'])
    const check = list.get('li[aria-label="No health or medical claims: Failed"]')
    expect(check.text()).toContain('From the brief — Constraint 1: “Do not make health claims”')
    expect(check.get('code').text()).toBe('brief.claim-class')
    expect(check.text()).toContain('Copy: failed, Visual: passed')
    expect(check.text()).toContain('Fix: Remove "cures".')
    expect(list.get('li[aria-label="No shouting in capitals: Passed"]').text()).toContain('General rule')
  })

  it('says how many more places a check failed beyond those it lists, per artifact', async () => {
    const many: AuditedCheck = { ...failed, results: [{ artifactType: 'Copy', status: 'failed', unlisted: 592 }, { artifactType: 'ShortCopy', status: 'failed', unlisted: 1 }, { artifactType: 'Visual', status: 'passed' }] }
    const check = (await mountSuspended(ComplianceCheckList, { props: { checks: [many] } })).get('li[aria-label="No health or medical claims: Failed"]')
    expect(check.text()).toContain('Copy: 592 more places like these, not listed.')
    expect(check.text()).toContain('Short copy: 1 more place like these, not listed.')
    expect(check.text()).not.toContain('Visual: 0')
    const listedAlone = (await mountSuspended(ComplianceCheckList, { props: { checks: [failed] } })).text()
    expect(listedAlone).not.toContain('not listed')
  })

  it('marks the offending words inside the artifact\'s text, rendered as text', async () => {
    const list = await mountSuspended(ComplianceCheckList, { props: { checks: [failed] } })
    expect(list.get('mark').text()).toBe('cures')
    expect(list.get('blockquote').text()).toBe('Our <b>kit</b> cures boredom.')
    expect(list.find('b').exists()).toBe(false)
  })
})
