import { describe, expect, it } from 'vitest'
import { auditArtifacts, verdictFor, weightedScore } from '../../../../server/engine/compliance'
import { categoryScores } from '../../../../server/engine/compliance/scoring'
import { copyArtifact, makeBrief, makeConcept, shortCopyArtifact, visualArtifact } from '../support/fixtures'

const brief = makeBrief()
const now = new Date('2026-03-01T09:30:00.000Z')
const cleanArtifacts = () => [copyArtifact(), shortCopyArtifact(brief), visualArtifact(brief)]

describe('weightedScore', () => {
  it('weights High checks five times a Low one', () => {
    expect(weightedScore([{ category: 'risk', severity: 'High', passed: false }, { category: 'tone', severity: 'Low', passed: true }])).toBe(17)
    expect(weightedScore([{ category: 'risk', severity: 'High', passed: true }, { category: 'tone', severity: 'Low', passed: false }])).toBe(83)
    expect(weightedScore([{ category: 'clarity', severity: 'Medium', passed: false }, { category: 'clarity', severity: 'Medium', passed: true }])).toBe(50)
  })

  it('is 100 when nothing was checked', () => {
    expect(weightedScore([])).toBe(100)
  })

  it('scores each category on its own checks', () => {
    const scores = categoryScores([{ category: 'tone', severity: 'Low', passed: false }, { category: 'risk', severity: 'High', passed: true }])
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
    expect(result).toEqual({
      campaignId: 'cmp_1',
      isCompliant: true,
      complianceScore: 100,
      issues: [],
      feedback: 'Pass (100/100): no issues found.',
      auditedAt: '2026-03-01T09:30:00.000Z',
      verdict: 'Pass',
      categoryScores: { tone: 100, clarity: 100, compliance: 100, accessibility: 100, risk: 100 },
    })
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
    }])
    expect(result.categoryScores.risk).toBeLessThan(100)
    expect(result.categoryScores.tone).toBe(100)
    expect(result.complianceScore).toBeLessThan(100)
    expect(result.feedback).toMatch(/^Fail \(\d+\/100\): 1 high, 0 medium, 0 low severity issue\. First: Remove the unsubstantiated claim/u)
  })

  it('is Conditional when only lesser issues pull the score between 60 and 85', () => {
    const shouty = copyArtifact({ headlines: ['AMAZING seeds!!', 'Meet the kit', 'Your garden starts here'], callsToAction: ['Spring', 'Leaves', 'Sun'] })
    const result = auditArtifacts({ campaignId: 'cmp_1', brief, artifacts: [shouty], now })
    expect(result.issues.map(issue => issue.ruleId)).toEqual(['clarity.call-to-action', 'tone.shouting', 'tone.repeated-punctuation'])
    // Checks on copy weigh 16 (claims 5, call to action 3, structure 3, readability 3, two tone rules 1 each); 5 failed.
    expect(result.complianceScore).toBe(69)
    expect(result.verdict).toBe('Conditional')
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
