import { describe, expect, it } from 'vitest'
import {
  ARTIFACT_KINDS, ARTIFACT_LIMITS, artifactEditSchema, versionOrigin,
  type ArtifactMetadata, type ArtifactType, type ComplianceAuditResult, type CopyMetadata, type ShortCopyMetadata, type VisualMetadata,
} from '#shared/campaign'
import { ArtifactEditMismatchError, editedVersion, restoredVersion, type StoredVersion } from '../../../../server/engine/campaigns/artifact-edit'
import { personChangeAuditor } from '../../../../server/engine/campaigns/audit-current-versions'
import { AUDIT_SLICE_MS } from '../../../../server/engine/compliance/audit'
import { LoopTurns } from '../../../../server/engine/orchestrator/loop-turns'
import { makeBrief } from '../support/fixtures'
import { writeOne } from '../support/write'

const brief = makeBrief({ brand: { requiredHashtags: ['#GreenThumb'] } })

async function stored(type: ArtifactType, iteration = 1): Promise<StoredVersion> {
  const written = await writeOne(brief, type)
  const metadata = { ...written.metadata, model: 'offline-writer', iteration, feedbackChecks: [{ item: 'shorter', outcome: 'done', evidence: '' }] } as ArtifactMetadata
  return { type, iteration, content: written.content, metadata }
}

const copyEdit = (copy: CopyMetadata, headlines = copy.headlines) =>
  ARTIFACT_KINDS.Copy.editSchema.parse({ type: 'Copy', basedOn: copy.iteration, headlines, body: copy.body, callsToAction: copy.callsToAction })

describe('editing an artifact', () => {
  it('makes the next Copy version from the edited text, keeping the tone note and saying who edited which version', async () => {
    const base = await stored('Copy', 3)
    const copy = base.metadata as CopyMetadata
    const edit = copyEdit(copy, ['Your garden, fixed by hand', ...copy.headlines.slice(1)])
    const { content, metadata } = editedVersion(brief, base, edit, 4, 'Ana Lopez')
    const made = metadata as CopyMetadata
    expect(made.headlines[0]).toBe('Your garden, fixed by hand')
    expect(made.toneNote).toBe(copy.toneNote)
    expect(made).toMatchObject({ model: 'offline-writer', iteration: 4, editedBy: 'Ana Lopez', basedOn: 3 })
    expect(made.feedbackChecks).toBeUndefined()
    expect(content).toContain('1. Your garden, fixed by hand')
    expect(content).not.toContain(`1. ${copy.headlines[0]}`)
    expect(versionOrigin(made)).toBe('Edited by Ana Lopez')
  })

  it('counts an edited post again by its platform\'s rule and keeps the brand\'s required hashtag', async () => {
    const base = await stored('ShortCopy')
    const { platforms } = base.metadata as ShortCopyMetadata
    const longPost = 'Grow more. '.repeat(40).trim()
    const edit = artifactEditSchema.parse({
      type: 'ShortCopy',
      basedOn: 1,
      platforms: platforms.map(({ platform, variants }) => ({
        platform,
        variants: variants.map((variant, index) => ({ text: index === 0 ? longPost : variant.text, hashtags: [] })),
      })),
    })
    const made = editedVersion(brief, base, edit, 2, 'Ana').metadata as ShortCopyMetadata
    const x = made.platforms.find(entry => entry.platform === 'x')!.variants[0]!
    expect(x.text).toBe(longPost)
    expect(x.hashtags).toEqual(['#GreenThumb'])
    expect(x.characterCount).toBeGreaterThan(x.limit)
    expect(x.overLimit).toBe(true)
  })

  it('refuses posts for other platforms than the version edited', async () => {
    const base = await stored('ShortCopy')
    const { platforms } = base.metadata as ShortCopyMetadata
    const edit = artifactEditSchema.parse({ type: 'ShortCopy', basedOn: 1, platforms: [...platforms].reverse().map(({ platform, variants }) => ({ platform, variants })) })
    expect(() => editedVersion(brief, base, edit, 2, 'Ana')).toThrow(ArtifactEditMismatchError)
  })

  it('keeps each visual concept\'s palette and works its contrast out again, and refuses another number of concepts', async () => {
    const base = await stored('Visual')
    const { concepts } = base.metadata as VisualMetadata
    const sent = concepts.map(({ name, layout, altText, imagePrompt }, index) => ({
      name, layout, imagePrompt, altText: index === 0 ? { ...altText, text: 'A seed kit on a sunny windowsill' } : altText,
    }))
    const made = editedVersion(brief, base, artifactEditSchema.parse({ type: 'Visual', basedOn: 1, concepts: sent }), 2, 'Ana')
    const visual = made.metadata as VisualMetadata
    expect(visual.concepts[0]!.altText.text).toBe('A seed kit on a sunny windowsill')
    expect(visual.concepts.map(concept => concept.palette)).toEqual(concepts.map(concept => concept.palette))
    expect(visual.concepts.map(concept => concept.contrast)).toEqual(concepts.map(concept => concept.contrast))
    expect(made.content).toContain('Alt text: A seed kit on a sunny windowsill')
    // One concept more, or one fewer when there are already as many as an artifact may have.
    const otherCount = concepts.length === ARTIFACT_LIMITS.concepts.max ? sent.slice(1) : [...sent, { ...sent[0]!, name: 'One more' }]
    const reshaped = artifactEditSchema.parse({ type: 'Visual', basedOn: 1, concepts: otherCount })
    expect(() => editedVersion(brief, base, reshaped, 2, 'Ana')).toThrow(ArtifactEditMismatchError)
  })

  it('refuses an edit of another type than the artifact', async () => {
    const base = await stored('Visual')
    const copy = (await stored('Copy')).metadata as CopyMetadata
    expect(() => editedVersion(brief, base, copyEdit(copy), 2, 'Ana')).toThrow(/is Visual, not Copy/)
  })
})

describe('restoring a version', () => {
  it('copies the content and says which version it restores and who restored it', async () => {
    const source = await stored('Copy', 1)
    const { content, metadata } = restoredVersion({ ...source, metadata: { ...source.metadata, editedBy: 'Ben', basedOn: 7 } as ArtifactMetadata }, 5, 'Ana')
    expect(content).toBe(source.content)
    expect(metadata).toMatchObject({ iteration: 5, restoredFrom: 1, editedBy: 'Ana', model: 'offline-writer' })
    expect(metadata.basedOn).toBeUndefined()
    expect(metadata.feedbackChecks).toBeUndefined()
    expect((metadata as CopyMetadata).headlines).toEqual((source.metadata as CopyMetadata).headlines)
    expect(versionOrigin(metadata)).toBe('Restored from version 1 by Ana')
  })
})

describe('the edit request', () => {
  it('bounds every field as a writer\'s draft is bounded, and drops control characters', async () => {
    const copy = (await stored('Copy')).metadata as CopyMetadata
    const tooLong = 'x'.repeat(ARTIFACT_LIMITS.headline + 1)
    const errors = (headlines: string[]) => artifactEditSchema.safeParse({ type: 'Copy', basedOn: 1, headlines, body: copy.body, callsToAction: copy.callsToAction }).error?.issues.map(issue => issue.path.join('.'))
    expect(errors([tooLong, ...copy.headlines.slice(1)])).toEqual(['headlines.0'])
    expect(errors(['  ', ...copy.headlines.slice(1)])).toEqual(['headlines.0'])
    expect(errors(['Nul \0 here', ...copy.headlines.slice(1)])).toEqual(['headlines.0'])
    expect(errors(copy.headlines.slice(0, 2))).toEqual(['headlines'])
    expect(errors([copy.headlines[0]!, copy.headlines[0]!.toUpperCase(), copy.headlines[1]!])).toEqual(['headlines'])
    expect(copyEdit(copy, ['Bell\u0007 rings ', ...copy.headlines.slice(1)]).headlines[0]).toBe('Bell rings')
    expect(artifactEditSchema.safeParse({ type: 'Copy', basedOn: 0, headlines: copy.headlines, body: copy.body, callsToAction: copy.callsToAction }).success).toBe(false)
  })
})

describe('the audit of a person\'s change', () => {
  const modelIssue = (artifactType: ArtifactType) => ({
    artifactType, issueDescription: 'Tone drifts', severity: 'Medium' as const, ruleId: 'model.tone', category: 'Tone' as never,
    location: 'body', recommendation: 'Keep it warm', source: 'model' as const,
  })

  it('audits by the rules, keeping the model\'s findings of the artifacts that did not change', async () => {
    const copy = await stored('Copy')
    const edited = editedVersion(brief, copy, copyEdit(copy.metadata as CopyMetadata, ['100% guaranteed results, cures everything', ...(copy.metadata as CopyMetadata).headlines.slice(1)]), 2, 'Ana')
    const previous = { issues: [modelIssue('Copy'), modelIssue('Visual')] } as unknown as ComplianceAuditResult
    const result = await personChangeAuditor(previous, 'Copy')({
      campaignId: 'camp_x', brief, checks: [], artifacts: [{ type: 'Copy', content: edited.content, metadata: edited.metadata }],
    })
    expect(result.issues.filter(issue => issue.source === 'model').map(issue => issue.artifactType)).toEqual(['Visual'])
    expect(result.issues.some(issue => issue.source === 'rules' && issue.artifactType === 'Copy' && issue.severity === 'High')).toBe(true)
  })

  it('audits in slices, letting the event loop turn once the turn\'s budget is spent', async () => {
    const copy = await stored('Copy')
    const input = { campaignId: 'camp_x', brief, checks: [], artifacts: [{ type: 'Copy' as const, content: copy.content, metadata: copy.metadata }], now: new Date('2026-05-01T10:00:00Z') }
    const order: string[] = []
    // A clock that moves a whole slice each time it is read: every check spends the turn's budget.
    let now = 0
    const clock = () => (now += AUDIT_SLICE_MS)
    const audited = personChangeAuditor(null, 'Copy', { turns: new LoopTurns(1, clock), now: clock })(input).then((result) => {
      order.push('audit')
      return result
    })
    setImmediate(() => order.push('a request\'s turn'))
    const result = await audited
    expect(order).toEqual(['a request\'s turn', 'audit'])
    expect(result).toEqual(await personChangeAuditor(null, 'Copy', { now: () => 0 })(input))
    expect(result.checksTested).toBeGreaterThan(0)
  })
})
