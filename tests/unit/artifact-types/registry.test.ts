import { describe, expect, it } from 'vitest'
import { ARTIFACT_KINDS, ARTIFACT_TYPES, artifactEditSchema, artifactMetadataSchema, artifactKind, type ArtifactMetadata } from '#shared/campaign'
import { ENGINE_ARTIFACT_KINDS, engineKind } from '../../../server/engine/artifact-types'
import { toAuditedArtifact } from '../../../server/engine/compliance/audited-artifact'
import { REALISTIC_BRIEFS } from '../engine/support/briefs'
import { writeOne } from '../engine/support/write'

const SHARED_PARTS = ['title', 'agentTitle', 'metadataSchema', 'editSchema', 'textAt', 'editFields', 'editedText', 'markdown'] as const
const ENGINE_PARTS = ['agentName', 'render', 'writeOffline', 'model', 'audit', 'readerText', 'applyEdit'] as const
const MODEL_PARTS = ['task', 'checks', 'shape', 'readDraft'] as const
const AUDIT_PARTS = ['schema', 'segments', 'completeness', 'gaps', 'unreadable', 'parts'] as const

const brief = REALISTIC_BRIEFS[0]!.brief

describe('the artifact-type registry', () => {
  it('lists the same types, in the same order, on both sides', () => {
    expect(ARTIFACT_TYPES).toEqual(['Copy', 'ShortCopy', 'Visual'])
    expect(Object.keys(ENGINE_ARTIFACT_KINDS)).toEqual(ARTIFACT_TYPES)
  })

  it.each(ARTIFACT_TYPES)('%s has every shared and engine part', (type) => {
    const shared = ARTIFACT_KINDS[type] as unknown as Record<string, unknown>
    const engine = ENGINE_ARTIFACT_KINDS[type] as unknown as Record<string, unknown>
    for (const part of SHARED_PARTS) expect(shared[part], part).toBeTruthy()
    for (const part of ENGINE_PARTS) expect(engine[part], part).toBeTruthy()
    for (const part of MODEL_PARTS) expect(engineKind(type).model[part], `model.${part}`).toBeTruthy()
    for (const part of AUDIT_PARTS) expect(engineKind(type).audit[part], `audit.${part}`).toBeTruthy()
    // The edit schema's `type` is the registry key, so the edit union routes each edit to its type.
    expect(ARTIFACT_KINDS[type].editSchema.shape.type.value).toBe(type)
  })

  it('gives every type its own title and agent', () => {
    expect(new Set(ARTIFACT_TYPES.map(type => ARTIFACT_KINDS[type].title)).size).toBe(ARTIFACT_TYPES.length)
    expect(new Set(ARTIFACT_TYPES.map(type => engineKind(type).agentName)).size).toBe(ARTIFACT_TYPES.length)
  })

  describe.each(ARTIFACT_TYPES)('%s: the parts agree with each other', (type) => {
    it('the offline writer\'s structure is stored, rendered, audited complete and located by the page as the audit locates it', async () => {
      const written = await writeOne(brief, type)
      const kind = engineKind(type)
      expect(written.content).toBe(kind.render(written.metadata))
      const stored = { model: 'offline-writer', iteration: 1, ...written.metadata } as ArtifactMetadata
      expect(ARTIFACT_KINDS[type].metadataSchema.safeParse(stored).success).toBe(true)
      expect(artifactMetadataSchema.safeParse(stored).success).toBe(true)

      const audited = toAuditedArtifact({ type, content: written.content, metadata: stored })
      expect(audited.metadata).not.toBeNull()
      expect(kind.audit.gaps(audited.metadata, brief)).toEqual([])
      expect(audited.segments.length).toBeGreaterThan(0)
      for (const segment of audited.segments) expect(artifactKind(type).textAt(stored, segment.location), segment.location).toBe(segment.text)
      expect(kind.readerText(stored).length).toBeGreaterThan(0)
      expect(artifactKind(type).markdown(stored).length).toBeGreaterThan(0)
    })

    it('an edit form\'s fields make a valid edit, and applying the unchanged edit keeps the text', async () => {
      const written = await writeOne(brief, type)
      const stored = { model: 'offline-writer', iteration: 1, ...written.metadata } as ArtifactMetadata
      const shared = artifactKind(type)
      expect(shared.editFields(stored).length).toBeGreaterThan(0)
      const edit = artifactEditSchema.parse({ type, basedOn: 1, ...shared.editedText(stored, (_path, current) => current) })
      const kind = engineKind(type)
      const edited = kind.applyEdit(brief, stored, edit as never)
      expect(kind.render(edited)).toBe(written.content)
    })

    it('an unreadable structure is reported as such', () => {
      const audited = toAuditedArtifact({ type, content: 'text', metadata: { nothing: true } })
      expect(audited.metadata).toBeNull()
      expect(engineKind(type).audit.unreadable).toMatch(/no readable structure/u)
    })
  })
})
