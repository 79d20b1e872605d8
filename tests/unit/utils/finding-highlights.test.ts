import { describe, expect, it } from 'vitest'
import { analyzeBrief } from '#shared/brief-contract'
import type { AuditedCheck, CheckOccurrence } from '#shared/campaign'
import { auditArtifacts } from '../../../server/engine/compliance'
import { toAuditedArtifact } from '../../../server/engine/compliance/audited-artifact'
import { artifactTextAt } from '../../../utils/artifact-text-at'
import { findingHighlights, markId } from '../../../utils/finding-highlights'
import { makeBrief } from '../engine/support/fixtures'
import { writeAll } from '../engine/support/write'

const brief = makeBrief({
  product: 'VitaShield supplement that cures colds',
  platforms: ['x', 'linkedin', 'instagram'],
  constraints: ['Do not make health claims', 'Keep LinkedIn under 20 characters'],
})

describe('artifactTextAt', () => {
  it('finds the text at every location the audit reads, in every artifact type', async () => {
    for (const written of await writeAll(brief)) {
      const audited = toAuditedArtifact({ type: written.type, content: written.content, metadata: written.metadata })
      expect(audited.segments.length).toBeGreaterThan(0)
      for (const segment of audited.segments) expect(artifactTextAt(written, segment.location), `${written.type} ${segment.location}`).toBe(segment.text)
    }
  })

  it('finds nothing at a location the artifact does not have', () => {
    const copy = { type: 'Copy' as const, metadata: { headlines: ['One'], body: { short: 'a', medium: 'b', long: 'c' }, callsToAction: [] } }
    expect(artifactTextAt(copy, 'headlines[3]')).toBeUndefined()
    expect(artifactTextAt(copy, 'content')).toBeUndefined()
    expect(artifactTextAt({ type: 'ShortCopy', metadata: { platforms: [] } }, 'x variant 1')).toBeUndefined()
  })
})

describe('findingHighlights', () => {
  it('marks every failure the audit located in the written artifacts, titled by its check', async () => {
    const { checks } = analyzeBrief(brief)
    const written = await writeAll(brief, { checks })
    const audit = auditArtifacts({ campaignId: 'cmp_test', brief, checks, artifacts: written })
    const located = (audit.checks ?? []).flatMap(check => check.occurrences.filter(occurrence => occurrence.start !== undefined).map(occurrence => ({ check, occurrence })))
    // The brief asks for a health claim and an impossible LinkedIn length, so both are found and located.
    expect(new Set(located.map(({ check }) => check.checkId))).toEqual(new Set(['constraints.0', 'constraints.1']))
    const highlights = findingHighlights(audit.checks ?? [], written)
    for (const { check, occurrence } of located) {
      const marks = highlights.at(occurrence.artifactType, occurrence.location)
      expect(marks).toContainEqual({ start: occurrence.start, end: occurrence.end, id: markId(occurrence.artifactType, occurrence.location, occurrence.start!), title: check.title })
      expect(highlights.markOf(occurrence)).toBe(markId(occurrence.artifactType, occurrence.location, occurrence.start!))
    }
  })

  const copy = { type: 'Copy' as const, metadata: { headlines: [], body: { short: 'Our kit cures boredom. '.repeat(20), medium: '', long: '' }, callsToAction: [] } }
  const check = (occurrence: Partial<CheckOccurrence>): AuditedCheck => ({
    checkId: 'constraints.0', ruleId: 'brief.claim-class', title: 'No health or medical claims', severity: 'High', category: 'risk', source: null,
    results: [{ artifactType: 'Copy', status: 'failed' }],
    occurrences: [{ artifactType: 'Copy', location: 'body.short', description: '', recommendation: '', ...occurrence }],
  })

  it('marks nothing where the words are no longer what the audit found (a version written after it)', () => {
    const stale = findingHighlights([check({ excerpt: 'cures', start: 0, end: 5 })], [copy])
    expect(stale.at('Copy', 'body.short')).toEqual([])
    expect(stale.markOf({ artifactType: 'Copy', location: 'body.short', description: '', recommendation: '', start: 0, end: 5 })).toBeUndefined()
  })

  it('matches a long overflow by the start of its shortened excerpt', () => {
    const text = copy.metadata.body.short
    const overflow = check({ excerpt: `${text.slice(100, 300)}…`, start: 100, end: text.length })
    expect(findingHighlights([overflow], [copy]).at('Copy', 'body.short')).toHaveLength(1)
  })

  it('skips failures without a place in the text (a missing mention)', () => {
    expect(findingHighlights([check({})], [copy]).at('Copy', 'body.short')).toEqual([])
  })
})
