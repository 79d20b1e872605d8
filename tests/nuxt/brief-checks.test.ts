import { mountSuspended } from '@nuxt/test-utils/runtime'
import { describe, expect, it } from 'vitest'
import { analyzeBrief } from '#shared/brief-contract'
import BriefChecks from '~/components/brief/BriefChecks.vue'

describe('BriefChecks', () => {
  it('lists each check under "We will check" beside its line, and each unread line with its hint', async () => {
    const analysis = analyzeBrief({
      theme: 'Spring', product: 'Shoe', targetAudience: 'Runners', tone: 'Calm',
      constraints: ['Do not make health claims', 'Never say "<b>cheap</b>"', 'Keep it <i>zesty</i>'],
      platforms: ['linkedin'],
    })
    const panel = await mountSuspended(BriefChecks, { props: { analysis } })
    const [checked, unchecked] = panel.findAll('section')
    expect(checked?.get('h3').text()).toBe('We will check:')
    const items = checked?.findAll('li').map(item => item.text()) ?? []
    expect(items[0]).toContain('No health or medical claims')
    expect(items[0]).toContain('Constraint 1: “Do not make health claims”')
    expect(items[0]).toContain('FTC Health Products Compliance Guidance')
    expect(items[1]).toContain('Never says “<b>cheap</b>”')
    expect(items[2]).toContain('Each LinkedIn post fits LinkedIn’s length limit')
    expect(unchecked?.get('h3').text()).toBe('We can\'t check automatically:')
    expect(unchecked?.text()).toContain('“Keep it <i>zesty</i>” (Constraint 3)')
    expect(unchecked?.text()).toContain('Never say')
    // Brief text is shown as typed, never as markup.
    expect(panel.find('b').exists()).toBe(false)
    expect(panel.find('i').exists()).toBe(false)
  })

  it('says which checks a language model read from a line, and only those', async () => {
    const source = { field: 'constraints' as const, index: 0, text: 'Steer clear of the word frosty' }
    const analysis = {
      checks: [
        { kind: 'must-not-say' as const, phrases: ['frosty'], id: 'constraints.0', source, interpretedBy: 'model' as const },
        { kind: 'must-not-say' as const, phrases: ['cheap'], id: 'constraints.1', source: { ...source, index: 1, text: 'Avoid "cheap"' }, interpretedBy: 'rules' as const },
      ],
      notUnderstood: [],
      conflicts: [],
    }
    const panel = await mountSuspended(BriefChecks, { props: { analysis } })
    expect(panel.findAll('li').map(item => item.find('.font-medium').text())).toEqual(['Never says “frosty” (interpreted by the language model)', 'Never says “cheap”'])
  })

  it('says when the brief asks for nothing the audit can check', async () => {
    const panel = await mountSuspended(BriefChecks, { props: { analysis: { checks: [], notUnderstood: [], conflicts: [] } } })
    expect(panel.text()).toContain('Nothing from the brief yet')
    expect(panel.findAll('section')).toHaveLength(1)
  })

  it('warns when the brief asks for a claim the audit forbids, naming the words and the rule', async () => {
    const analysis = analyzeBrief({
      theme: 'New year immunity', product: 'VitaShield supplement that cures cancer and is 100% guaranteed', targetAudience: 'Adults', tone: 'Confident',
      constraints: ['Do not make health claims'], platforms: ['x'],
    })
    const panel = await mountSuspended(BriefChecks, { props: { analysis } })
    const notice = panel.get('[aria-labelledby="brief-conflicts-heading"]')
    expect(notice.text()).toContain('This brief asks for “cures” (Product), which the audit\'s rule that claims need evidence')
    expect(notice.text()).toContain('“100%”')
    expect(notice.text()).toContain('“immunity” (Theme), which your constraint “Do not make health claims”')
  })
})
