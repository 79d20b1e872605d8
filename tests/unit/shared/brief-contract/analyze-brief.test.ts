import { describe, expect, it } from 'vitest'
import { analyzeBrief, briefAnalysisSchema, describeCheck, guidanceFor } from '#shared/brief-contract'
import { makeBrief } from '../../engine/support/fixtures'

describe('analyzeBrief', () => {
  it('turns every constraint, platform and brand-kit field into checks that cite their line', () => {
    const analysis = analyzeBrief(makeBrief({
      constraints: ['Do not make health claims', 'Keep LinkedIn under 600 characters', 'End with a CTA to beanbox.example/start'],
      platforms: ['linkedin'],
      brand: { name: 'BeanBox', bannedTerms: ['cheap'], requiredHashtags: ['BeanBox'], requiredDisclaimer: 'Terms apply.' },
    }))
    expect(briefAnalysisSchema.parse(analysis)).toEqual(analysis)
    expect(analysis.notUnderstood).toEqual([])
    expect(analysis.checks.map(check => [check.id, check.kind, check.source.text])).toEqual([
      ['constraints.0', 'claim-class', 'Do not make health claims'],
      ['constraints.1', 'max-length', 'Keep LinkedIn under 600 characters'],
      ['constraints.2', 'call-to-action', 'End with a CTA to beanbox.example/start'],
      ['platforms.0', 'platform-fit', 'linkedin'],
      ['brand.name.0', 'must-mention', 'BeanBox'],
      ['brand.bannedTerms.0', 'must-not-say', 'cheap'],
      ['brand.requiredHashtags.0', 'required-hashtags', '#BeanBox'],
      ['brand.requiredDisclaimer.0', 'required-disclaimer', 'Terms apply.'],
    ])
    expect(analysis.checks.every(check => check.interpretedBy === 'rules')).toBe(true)
  })

  it('lists a line it cannot read as not checked automatically, with its place in the brief and a hint', () => {
    const analysis = analyzeBrief(makeBrief({ constraints: ['Mention free shipping', 'Keep it playful'] }))
    expect(analysis.checks.filter(check => check.source.field === 'constraints')).toHaveLength(1)
    expect(analysis.notUnderstood).toEqual([{
      source: { field: 'constraints', index: 1, text: 'Keep it playful' },
      hint: expect.stringContaining('Never say'),
    }])
  })

  it('titles each check for a marketer and cites the guidance a claim class follows', () => {
    const [health, length, cta] = analyzeBrief(makeBrief({
      constraints: ['Do not make health claims', 'Keep LinkedIn under 600 characters', 'End with a CTA to beanbox.example/start'],
    })).checks
    expect(health && describeCheck(health)).toBe('No health or medical claims')
    expect(health && guidanceFor(health)).toContain('FTC')
    expect(length && describeCheck(length)).toBe('Each LinkedIn post is under 600 characters')
    expect(cta && describeCheck(cta)).toBe('The call to action contains “beanbox.example/start”')
  })

  it('cites the FTC Green Guides and EU Directive 2024/825 for environmental claims', () => {
    const [green] = analyzeBrief(makeBrief({ constraints: ['No eco claims'] })).checks
    expect(green && guidanceFor(green)).toMatch(/16 CFR Part 260.*2024\/825/u)
  })
})

describe('findBriefConflicts, through analyzeBrief', () => {
  it('names what a risky brief asks for and the rule that forbids it', () => {
    const { conflicts } = analyzeBrief(makeBrief({
      theme: 'New year immunity',
      product: 'VitaShield supplement that cures cancer and is 100% guaranteed',
      constraints: ['Do not make health claims', 'Mention "clinically proven"'],
    }))
    expect(conflicts.map(conflict => [conflict.field, conflict.found])).toEqual([
      ['theme', 'immunity'],
      ['product', 'guaranteed'],
      ['product', 'cures'],
      ['product', '100%'],
      ['constraints', 'clinically proven'],
    ])
    expect(conflicts[0]?.forbiddenBy).toContain('“Do not make health claims”')
    expect(conflicts[1]?.forbiddenBy).toContain('claims need evidence')
  })

  it('finds nothing in a plain brief, or in a claim the brief substantiates', () => {
    expect(analyzeBrief(makeBrief()).conflicts).toEqual([])
    expect(analyzeBrief(makeBrief({ product: 'The #1 seed kit', constraints: ['Substantiation: "#1" — GardenMart sales, May 2025'] })).conflicts).toEqual([])
  })
})
