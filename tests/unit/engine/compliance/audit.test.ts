import { describe, expect, it } from 'vitest'
import { auditArtifacts, passedShare, verdictFor } from '../../../../server/engine/compliance'
import { categoryScores } from '../../../../server/engine/compliance/scoring'
import { copyArtifact, makeBrief, makeConcept, shortCopyArtifact, visualArtifact } from '../support/fixtures'

const brief = makeBrief()
const now = new Date('2026-03-01T09:30:00.000Z')
const cleanArtifacts = () => [copyArtifact(), shortCopyArtifact(brief), visualArtifact(brief)]

describe('passedShare', () => {
  it('is checks passed ÷ checks tested, each check counting once', () => {
    expect(passedShare([{ category: 'risk', passed: false }, { category: 'tone', passed: true }])).toBe(50)
    expect(passedShare([{ category: 'risk', passed: true }, { category: 'tone', passed: true }, { category: 'tone', passed: false }])).toBe(67)
  })

  it('is 100 when nothing was checked', () => {
    expect(passedShare([])).toBe(100)
  })

  it('scores each category on its own checks', () => {
    const scores = categoryScores([{ category: 'tone', passed: false }, { category: 'risk', passed: true }])
    expect(scores).toEqual({ tone: 0, clarity: 100, compliance: 100, accessibility: 100, risk: 100 })
  })
})

describe('verdictFor', () => {
  it.each([
    [100, false, 'Pass'],
    [85, false, 'Pass'],
    [84, false, 'Conditional'],
    [60, false, 'Conditional'],
    [59, false, 'Fail'],
    [99, true, 'Fail'],
  ] as const)('score %i with High issue %s is %s', (score, high, verdict) => {
    expect(verdictFor(score, high)).toBe(verdict)
  })
})

describe('auditArtifacts', () => {
  it('passes clean work with a full score', () => {
    const result = auditArtifacts({ campaignId: 'cmp_1', brief, artifacts: cleanArtifacts(), now })
    expect(result).toMatchObject({
      campaignId: 'cmp_1',
      isCompliant: true,
      complianceScore: 100,
      issues: [],
      feedback: 'Pass (100/100): no issues found.',
      auditedAt: '2026-03-01T09:30:00.000Z',
      verdict: 'Pass',
      categoryScores: { tone: 100, clarity: 100, compliance: 100, accessibility: 100, risk: 100 },
      artifactScores: { Copy: 100, ShortCopy: 100, Visual: 100 },
    })
    expect(result.checksTested).toBeGreaterThan(10)
    expect(result.checksPassed).toBe(result.checksTested)
    expect(result.checks?.flatMap(check => check.results.map(r => r.status)).every(status => status !== 'failed')).toBe(true)
  })

  it('fails on any High issue and reports it as a rules issue with where and what to do', () => {
    const artifacts = [copyArtifact({ headlines: ['Guaranteed blooms', 'Meet the kit', 'Your garden starts here'] }), shortCopyArtifact(brief), visualArtifact(brief)]
    const result = auditArtifacts({ campaignId: 'cmp_1', brief, artifacts, now })
    expect(result.verdict).toBe('Fail')
    expect(result.isCompliant).toBe(false)
    expect(result.issues).toEqual([{
      artifactType: 'Copy',
      issueDescription: 'Unsubstantiated claim "Guaranteed".',
      severity: 'High',
      ruleId: 'claims.unsubstantiated',
      category: 'risk',
      location: 'headlines[0]',
      recommendation: 'Remove the unsubstantiated claim "Guaranteed" (or add a "Substantiation:" constraint naming it).',
      source: 'rules',
      checkId: 'claims.unsubstantiated',
    }])
    expect(result.categoryScores.risk).toBeLessThan(100)
    expect(result.categoryScores.tone).toBe(100)
    expect(result.complianceScore).toBeLessThan(100)
    expect(result.feedback).toMatch(/^Fail \(\d+\/100\): 1 high, 0 medium, 0 low severity issue\. First: Remove the unsubstantiated claim/u)
  })

  it('is Conditional when lesser issues pull the score between 60 and 85, and Fail below 60', () => {
    const shouty = copyArtifact({ headlines: ['AMAZING seeds', 'Meet the kit', 'Your garden starts here'] })
    const conditional = auditArtifacts({ campaignId: 'cmp_1', brief, artifacts: [shouty], now })
    expect(conditional.issues.map(issue => issue.ruleId)).toEqual(['tone.shouting'])
    // Six checks apply to copy (claims, call to action, structure, readability, two tone rules); one failed.
    expect([conditional.checksPassed, conditional.checksTested, conditional.complianceScore]).toEqual([5, 6, 83])
    expect(conditional.verdict).toBe('Conditional')

    const worse = copyArtifact({ headlines: ['AMAZING seeds!!', 'Meet the kit', 'Your garden starts here'], callsToAction: ['Spring', 'Leaves', 'Sun'] })
    const failed = auditArtifacts({ campaignId: 'cmp_1', brief, artifacts: [worse], now })
    expect([failed.checksPassed, failed.checksTested, failed.complianceScore, failed.verdict]).toEqual([3, 6, 50, 'Fail'])
  })

  it('still passes with a single Low issue among many checks', () => {
    const artifacts = [copyArtifact({ headlines: ['Spring is here!!', 'Meet the kit', 'Your garden starts here'] }), shortCopyArtifact(brief), visualArtifact(brief)]
    const result = auditArtifacts({ campaignId: 'cmp_1', brief, artifacts, now })
    expect(result.issues).toHaveLength(1)
    expect(result.verdict).toBe('Pass')
    expect(result.complianceScore).toBeLessThan(100)
  })

  it('audits unreadable metadata from its content', () => {
    const result = auditArtifacts({ campaignId: 'cmp_1', brief, artifacts: [{ type: 'Visual', content: 'A picture, 100% natural.', metadata: null }], now })
    expect(result.issues.map(issue => `${issue.ruleId}@${issue.location}`)).toEqual(['claims.unsubstantiated@content', 'clarity.structure@metadata'])
  })

  it('counts contrast failures in accessibility', () => {
    const artifacts = [visualArtifact(brief, [makeConcept(), makeConcept({ palette: [{ hex: '#FFFFFF', role: 'background' }, { hex: '#AAAAAA', role: 'text' }] })])]
    const result = auditArtifacts({ campaignId: 'cmp_1', brief, artifacts, now })
    expect(result.categoryScores.accessibility).toBeLessThan(100)
    expect(result.verdict).toBe('Fail')
  })
})
